package fr.jobmarket.warehouse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Case- and accent-insensitive form of a text for the improved mode: every character lower-cased
 * (Unicode rules) and stripped of its diacritics ("DONNÉES" and "donnees" both become "donnees").
 * The per-character table is computed once, so folding a 4,000-character description is one pass
 * without {@link Normalizer} calls.
 */
final class TextFolding {

    /** Folded form of each UTF-16 unit; {@code DROP} for combining marks (an accent typed apart). */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];
    private static final char DROP = 0;
    /** Folded characters that are letters or digits, i.e. parts of a word. */
    private static final boolean[] WORD = new boolean[Character.MAX_VALUE + 1];
    /** Characters that separate the words of a phrase interchangeably: spaces, hyphens, underscores. */
    private static final boolean[] PHRASE_SEPARATOR = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FOLDED[c] = foldOne((char) c);
            WORD[c] = Character.isLetterOrDigit((char) c);
            PHRASE_SEPARATOR[c] = c == '-' || c == '_' || Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }

    private TextFolding() {
    }

    private static char foldOne(char c) {
        if (c == DROP) {
            return ' '; // NUL is not a letter: keep it a separator rather than the drop marker
        }
        if (Character.isSurrogate(c)) {
            return c; // emoji and other supplementary characters: never letters of our terms
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return DROP;
        }
        String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char base = decomposed.charAt(i);
            if (Character.getType(base) != Character.NON_SPACING_MARK) {
                return base;
            }
        }
        return Character.toLowerCase(c);
    }

    /** Whether a folded character belongs to a word (letter or digit). */
    static boolean isWordChar(char folded) {
        return WORD[folded];
    }

    /**
     * The folded text, with every run of spaces, hyphens and underscores turned into one space so that
     * "Power-BI", "power  bi" and "power_bi" read alike. Other punctuation is kept (it ends a word).
     */
    static char[] foldForPhrases(String text) {
        char[] out = new char[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char folded = FOLDED[text.charAt(i)];
            if (PHRASE_SEPARATOR[folded]) {
                if (length > 0 && out[length - 1] != ' ') {
                    out[length++] = ' ';
                }
            } else if (folded != DROP) {
                out[length++] = folded;
            }
        }
        return length == out.length ? out : java.util.Arrays.copyOf(out, length);
    }

    /** The folded words (runs of letters and digits) of a text, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char folded = FOLDED[text.charAt(i)];
            if (folded == DROP) {
                continue;
            }
            if (WORD[folded]) {
                word.append(folded);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
