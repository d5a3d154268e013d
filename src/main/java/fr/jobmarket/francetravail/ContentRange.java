package fr.jobmarket.francetravail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search response's {@code Content-Range} header: {@code offres 0-149/351} (offers 0 to 149 of 351) or
 * {@code offres *}{@code /0} (no offer). {@code first} and {@code last} are -1 in the second form.
 */
public record ContentRange(long first, long last, long total) {

    private static final Pattern FORM = Pattern.compile("\\s*\\w+\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+)\\s*");

    /** Empty when the header is absent; a header of another shape fails, quoting it. */
    public static Optional<ContentRange> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(header);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Content-Range '" + header
                    + "' is neither 'offres <first>-<last>/<total>' nor 'offres */<total>'");
        }
        try {
            long total = Long.parseLong(matcher.group(3));
            if (matcher.group(1) == null) {
                return Optional.of(new ContentRange(-1, -1, total));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = Long.parseLong(matcher.group(2));
            if (last < first) {
                throw new IllegalArgumentException("Content-Range '" + header + "' ends before it starts");
            }
            return Optional.of(new ContentRange(first, last, total));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Content-Range '" + header + "' holds a number too large", e);
        }
    }
}
