package fr.jobmarket.warehouse;

import fr.jobmarket.config.Settings;

import java.util.Locale;

/**
 * How titles are classified and keywords found (setting {@code jobmarket.classification.mode}).
 * {@link #ORIGINAL} reproduces the reference's SQL ({@code ILIKE '%term%'}, reference.md 6.1 and 6.2)
 * with its side effects, so that counts compare with the original's; {@link #IMPROVED} keeps the
 * intent with accent-insensitive, word-aware matching.
 */
public enum ClassificationMode {
    ORIGINAL,
    IMPROVED;

    public static final String SETTING = "jobmarket.classification.mode";

    public static ClassificationMode of(Settings settings) {
        return valueOf(settings.choice(SETTING).toUpperCase(Locale.ROOT));
    }
}
