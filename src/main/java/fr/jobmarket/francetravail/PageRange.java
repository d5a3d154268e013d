package fr.jobmarket.francetravail;

/** The {@code range} search parameter, {@code start-end} inclusive, for example {@code 150-299}. */
public record PageRange(long start, long end) {

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
