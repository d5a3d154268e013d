package fr.jobmarket.warehouse;

import fr.jobmarket.config.Settings;

import java.util.List;

/**
 * DE / DA / DS classification of offer titles and keyword extraction from descriptions
 * (reference.md section 6), in the mode of {@code jobmarket.classification.mode}.
 * PLACEHOLDER SIGNATURE: the rules land with the classification work; until then nothing is classified.
 */
public final class Classification {

    /** The classification of {@code jobmarket.classification.mode}. */
    public static Classification of(Settings settings) {
        return new Classification();
    }

    /** @return "DE", "DA", "DS" or null */
    public String metierData(String title) {
        return null;
    }

    /** @return distinct keywords, sorted ascending; empty when none (or when the mode says the offer gets none) */
    public List<String> keywords(String description, String metierData) {
        return List.of();
    }
}
