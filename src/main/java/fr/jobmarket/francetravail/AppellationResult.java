package fr.jobmarket.francetravail;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the harvest of one appellation did.
 *
 * @param announcedTotal  the total of the unsplit query's Content-Range (what France Travail says it holds)
 * @param offersCollected distinct offers written to {@code rawFile}; below {@code announcedTotal} only when the
 *                        API's own count moved during the harvest or offers fall outside the searched window
 * @param requests        requests sent for this appellation (search, and token when it had to fetch one)
 * @param retries         requests sent again after a transient failure
 * @param tooManyRequests 429 answers received
 * @param queries         queries paged: 1, or the number of parts after splitting
 */
public record AppellationResult(Appellation appellation, long announcedTotal, long offersCollected, long requests,
        long retries, long tooManyRequests, int queries, Duration duration, Path rawFile) {
}
