package fr.jobmarket.history;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Outcome of one {@link OfferHistory#merge}: the new current file and what happened to the offers.
 *
 * @param file        the new current history file {@code <YYYY-MM-DD--HHhMM>__extraction_occurence_<N>.json}
 * @param occurrence  N in that name (1 for a first extraction)
 * @param totalOffers offers in the new file ({@code kept + updated + added})
 * @param kept        offers of the previous file absent from the batch (vanished from the API), copied unchanged
 * @param updated     batch offers already in the previous file (new values, first-write date kept)
 * @param added       batch offers never seen before (first-write date = extraction date)
 * @param duration    wall time of the merge
 */
public record MergeResult(Path file, int occurrence, long totalOffers, long kept, long updated, long added,
                          Duration duration) {
}
