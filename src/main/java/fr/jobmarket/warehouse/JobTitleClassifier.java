package fr.jobmarket.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * metier_data of an offer title: the {@link JobTitleRules} compiled once for a {@link ClassificationMode}.
 *
 * <p>ORIGINAL: PostgreSQL {@code ILIKE '%term%'}: the title and the term lower-cased (full Unicode),
 * substring anywhere, accent-sensitive, {@code %} inside a term = any characters in between.
 *
 * <p>IMPROVED: title and terms folded (lower-case, no accents) and cut into words; a term matches where
 * a word begins ("analys" matches "Analyste", "formation" no longer matches "information"). A word
 * beginning with "data" or "bigdata" is read as separate words ("Database" = "data base", "Dataviz" =
 * "data viz"), so the exclusions see databases and data centres and DA sees dataviz. A term of several
 * words ({@code %} and space mean the same) matches its words in order, each word either glued to the
 * previous one ("PowerBI") or following it, with only punctuation and short function words between
 * ("Scientifique des données", "Power-BI", "base de données"); a separated word may carry a plural s
 * but no other ending ("bases de données" yes, "PowerPoint BI" no). Three terms are redefined to keep
 * their intent: {@code soc} is a whole word (Security Operations Centre, not "Société" or "social"),
 * {@code base} means a database ("base(s) de données", "database"; "basé à Lyon" stays classified),
 * {@code données} is {@code donnée} (singular too).
 */
final class JobTitleClassifier {

    /** Words allowed between the words of a multi-word term in improved mode. */
    private static final Set<String> FUNCTION_WORDS =
            Set.of("de", "des", "du", "d", "la", "le", "les", "l", "en", "of", "the");

    /** Improved-mode meaning of the terms whose word-start reading would miss their intent. */
    private static final Map<String, List<Term>> IMPROVED_REDEFINED = Map.of(
            "soc", List.of(words -> ((List<?>) words).contains("soc")),
            "base", List.of(phrase("base donnee"), phrase("data base")),
            "données", List.of(phrase("donnee")));

    /** A compiled term; the title is lower-cased (original) or a list of folded words (improved). */
    private interface Term {
        boolean matches(Object title);
    }

    private record CompiledRule(String metierData, List<List<Term>> inclusionGroups, List<Term> exclusions) {

        boolean matches(Object title) {
            for (List<Term> group : inclusionGroups) {
                if (!anyMatches(group, title)) {
                    return false;
                }
            }
            return !anyMatches(exclusions, title);
        }

        private static boolean anyMatches(List<Term> terms, Object title) {
            for (Term term : terms) {
                if (term.matches(title)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final ClassificationMode mode;
    /** DS, DA, DE: the first match is the one the fixed order DE -> DA -> DS would leave last. */
    private final List<CompiledRule> highestPriorityFirst;

    JobTitleClassifier(ClassificationMode mode) {
        this.mode = mode;
        List<CompiledRule> rules = new ArrayList<>();
        for (JobTitleRules.Rule rule : JobTitleRules.IN_ORDER) {
            List<List<Term>> groups = rule.inclusionGroups().stream().map(this::compile).toList();
            rules.add(0, new CompiledRule(rule.metierData(), groups, compile(rule.exclusions())));
        }
        this.highestPriorityFirst = List.copyOf(rules);
    }

    /** @return "DE", "DA", "DS" or null when no rule matches (or no title) */
    String metierData(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        Object prepared = mode == ClassificationMode.ORIGINAL ? title.toLowerCase(Locale.ROOT) : improvedWords(title);
        for (CompiledRule rule : highestPriorityFirst) {
            if (rule.matches(prepared)) {
                return rule.metierData();
            }
        }
        return null;
    }

    private List<Term> compile(List<String> terms) {
        List<Term> compiled = new ArrayList<>();
        for (String term : terms) {
            if (mode == ClassificationMode.ORIGINAL) {
                compiled.add(likeSubstring(term));
            } else {
                compiled.addAll(IMPROVED_REDEFINED.getOrDefault(term, List.of(phrase(term))));
            }
        }
        return List.copyOf(compiled);
    }

    /** {@code ILIKE '%term%'}: the pieces between {@code %} found in order, case-insensitively. */
    private static Term likeSubstring(String term) {
        String[] pieces = term.toLowerCase(Locale.ROOT).split("%");
        return title -> {
            String text = (String) title;
            int from = 0;
            for (String piece : pieces) {
                int at = text.indexOf(piece, from);
                if (at < 0) {
                    return false;
                }
                from = at + piece.length();
            }
            return true;
        };
    }

    /** Improved-mode term: folded words, each at a word start, glued or separated by function words. */
    private static Term phrase(String term) {
        List<String> parts = TextFolding.words(term.replace('%', ' '));
        return title -> {
            @SuppressWarnings("unchecked")
            List<String> words = (List<String>) title;
            for (int i = 0; i < words.size(); i++) {
                if (matchesFrom(parts, 0, words, i, 0)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean matchesFrom(List<String> parts, int part, List<String> words, int word, int offset) {
        String text = words.get(word);
        String expected = parts.get(part);
        if (!text.startsWith(expected, offset)) {
            return false;
        }
        if (part == parts.size() - 1) {
            return true;
        }
        int end = offset + expected.length();
        if (end < text.length() && matchesFrom(parts, part + 1, words, word, end)) {
            return true; // glued: "powerbi"
        }
        String rest = text.substring(end);
        if (!rest.isEmpty() && !rest.equals("s")) {
            return false; // "PowerPoint BI" is not "power bi"; "bases de données" is "base donnée"
        }
        int next = word + 1;
        while (next < words.size() && FUNCTION_WORDS.contains(words.get(next))) {
            next++;
        }
        return next < words.size() && matchesFrom(parts, part + 1, words, next, 0);
    }

    /** Folded words of a title, with "data..." and "bigdata..." compounds cut apart. */
    private static List<String> improvedWords(String title) {
        List<String> words = new ArrayList<>();
        for (String word : TextFolding.words(title)) {
            if (word.startsWith("bigdata")) {
                words.add("big");
                word = word.substring(3);
            }
            if (word.startsWith("data") && word.length() > 4) {
                words.add("data");
                word = word.substring(4);
            }
            words.add(word);
        }
        return words;
    }
}
