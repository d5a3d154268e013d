package fr.jobmarket.warehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * liste_mots_cles of an offer description: the distinct {@link Keywords} found, sorted ascending.
 *
 * <p>ORIGINAL (reference.md 6.2): only offers classified DE, DA or DS get keywords; a keyword counts
 * when the lower-cased description contains it as a plain substring ("git" in "digital", "java" in
 * "javascript", "sql" in "mysql": the original's false positives are kept so its counts compare).
 *
 * <p>IMPROVED: every offer gets keywords, whatever its class; a keyword counts as a whole word or
 * phrase of the folded description (no case, no accents), a version number may follow ("Python3");
 * spaces, hyphens and underscores inside a phrase are interchangeable and the glued spelling counts
 * ("Power BI", "power-bi", "powerbi"); plus the few variants and exclusions of {@link Keywords}.
 *
 * <p>Both modes scan the description once, walking a trie of the keywords from each start position,
 * so the cost does not grow with the number of keywords.
 */
final class KeywordExtractor {

    private static final Set<String> CLASSIFIED = Set.of("DE", "DA", "DS");

    /** Trie node over ASCII characters (every keyword spelling is ASCII once folded). */
    private static final class Node {
        final Node[] next = new Node[128];
        String keyword;
    }

    private final ClassificationMode mode;
    private final Node root = new Node();

    KeywordExtractor(ClassificationMode mode) {
        this.mode = mode;
        for (String keyword : Keywords.ALL) {
            if (mode == ClassificationMode.ORIGINAL) {
                add(keyword, keyword);
            } else {
                add(keyword, keyword);
                add(keyword.replace(" ", ""), keyword);
                Keywords.IMPROVED_VARIANTS.getOrDefault(keyword, List.of()).forEach(variant -> add(variant, keyword));
            }
        }
    }

    private void add(String spelling, String keyword) {
        Node node = root;
        for (int i = 0; i < spelling.length(); i++) {
            char c = spelling.charAt(i);
            if (node.next[c] == null) {
                node.next[c] = new Node();
            }
            node = node.next[c];
        }
        node.keyword = keyword;
    }

    List<String> keywords(String description, String metierData) {
        if (description == null || description.isEmpty()) {
            return List.of();
        }
        if (mode == ClassificationMode.ORIGINAL) {
            boolean classified = metierData != null && CLASSIFIED.contains(metierData);
            return classified ? substrings(description.toLowerCase(Locale.ROOT)) : List.of();
        }
        return wholeWords(TextFolding.foldForPhrases(description));
    }

    private List<String> substrings(String text) {
        Set<String> found = new TreeSet<>();
        for (int start = 0; start < text.length(); start++) {
            Node node = root;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                node = c < 128 ? node.next[c] : null;
                if (node == null) {
                    break;
                }
                if (node.keyword != null) {
                    found.add(node.keyword);
                }
            }
        }
        return sorted(found);
    }

    private List<String> wholeWords(char[] text) {
        Set<String> found = new TreeSet<>();
        for (int start = 0; start < text.length; start++) {
            if (start > 0 && TextFolding.isWordChar(text[start - 1])) {
                continue; // not a word start
            }
            Node node = root;
            for (int i = start; i < text.length; i++) {
                char c = text[i];
                node = c < 128 ? node.next[c] : null;
                if (node == null) {
                    break;
                }
                int end = i + 1;
                // a version number may follow ("Python3"), a letter may not ("JavaScript")
                if (node.keyword != null && (end == text.length || !Character.isLetter(text[end]))
                        && !excludedByNextWord(node.keyword, text, end)) {
                    found.add(node.keyword);
                }
            }
        }
        return sorted(found);
    }

    private static boolean excludedByNextWord(String keyword, char[] text, int end) {
        Set<String> notBefore = Keywords.IMPROVED_NOT_BEFORE.get(keyword);
        if (notBefore == null) {
            return false;
        }
        int from = end;
        while (from < text.length && !TextFolding.isWordChar(text[from])) {
            from++;
        }
        int to = from;
        while (to < text.length && TextFolding.isWordChar(text[to])) {
            to++;
        }
        return notBefore.contains(new String(text, from, to - from));
    }

    private static List<String> sorted(Set<String> found) {
        return found.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(found));
    }
}
