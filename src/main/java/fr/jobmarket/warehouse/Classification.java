package fr.jobmarket.warehouse;

import fr.jobmarket.config.Settings;

import java.util.List;

/**
 * DE / DA / DS classification of offer titles ({@code metier_data}) and keyword extraction from
 * descriptions ({@code liste_mots_cles}), reference.md section 6, in the mode of
 * {@code jobmarket.classification.mode} (see {@link ClassificationMode}). Immutable and thread-safe:
 * one instance serves a whole load; every pattern is compiled when it is built.
 */
public final class Classification {

    private final ClassificationMode mode;
    private final JobTitleClassifier titles;
    private final KeywordExtractor keywords;

    public Classification(ClassificationMode mode) {
        this.mode = mode;
        this.titles = new JobTitleClassifier(mode);
        this.keywords = new KeywordExtractor(mode);
    }

    /** The classification of {@code jobmarket.classification.mode}; a bad value fails naming the setting. */
    public static Classification of(Settings settings) {
        return new Classification(ClassificationMode.of(settings));
    }

    public ClassificationMode mode() {
        return mode;
    }

    /**
     * @param title the offer's intitule (may be null)
     * @return "DE", "DA", "DS" or null: rules applied DE then DA then DS, a later match winning
     */
    public String metierData(String title) {
        return titles.metierData(title);
    }

    /**
     * @param description the offer's description (may be null)
     * @param metierData the offer's class; in original mode only DE, DA and DS offers get keywords
     * @return distinct keywords, sorted ascending; empty when none (or when the mode says the offer gets none)
     */
    public List<String> keywords(String description, String metierData) {
        return keywords.keywords(description, metierData);
    }
}
