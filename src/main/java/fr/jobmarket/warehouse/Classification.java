package fr.jobmarket.warehouse;

import fr.jobmarket.config.Settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * DE / DA / DS classification of offer titles ({@code metier_data}) and keyword extraction from
 * descriptions ({@code liste_mots_cles}), reference.md section 6, in the mode of
 * {@code jobmarket.classification.mode} (see {@link ClassificationMode}). Immutable and thread-safe:
 * one instance serves a whole load; every pattern is compiled when it is built.
 */
public final class Classification {

    /**
     * Version of the matching code (JobTitleClassifier, KeywordExtractor, TextFolding): the term and keyword
     * lists are hashed into the {@link #fingerprint()}, the code is not, so a change of how terms match
     * must bump this number for the next load to reclassify every offer.
     */
    static final int MATCHING_VERSION = 1;

    private final ClassificationMode mode;
    private final JobTitleClassifier titles;
    private final KeywordExtractor keywords;
    private final String fingerprint;

    public Classification(ClassificationMode mode) {
        this.mode = mode;
        this.titles = new JobTitleClassifier(mode);
        this.keywords = new KeywordExtractor(mode);
        this.fingerprint = mode.name().toLowerCase(Locale.ROOT) + "-" + MATCHING_VERSION + "-" + sha256(rulesText());
    }

    /** The classification of {@code jobmarket.classification.mode}; a bad value fails naming the setting. */
    public static Classification of(Settings settings) {
        return new Classification(ClassificationMode.of(settings));
    }

    public ClassificationMode mode() {
        return mode;
    }

    /**
     * What the classes and keywords depend on: the mode, the matching version and a hash of the title rules
     * and keyword lists, e.g. {@code improved-1-3f9c...}. Equal fingerprints give equal results for every
     * offer, so the warehouse reclassifies the offers outside a load only when it changes.
     */
    public String fingerprint() {
        return fingerprint;
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

    /** The rule and keyword lists as text in a stable order (Map.of and Set.of iterate in a per-JVM order). */
    private static String rulesText() {
        StringBuilder text = new StringBuilder();
        JobTitleRules.IN_ORDER.forEach(rule -> text.append(rule).append('\n'));
        text.append("keywords=").append(Keywords.ALL).append('\n');
        text.append("variants=").append(new TreeMap<>(Keywords.IMPROVED_VARIANTS)).append('\n');
        Map<String, TreeSet<String>> notBefore = new TreeMap<>();
        Keywords.IMPROVED_NOT_BEFORE.forEach((keyword, words) -> notBefore.put(keyword, new TreeSet<>(words)));
        text.append("not-before=").append(notBefore).append('\n');
        return text.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
