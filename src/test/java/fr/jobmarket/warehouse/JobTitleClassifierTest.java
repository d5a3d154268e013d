package fr.jobmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Truth table of every term of reference.md 6.1 in both modes, the order rule and hostile titles. */
class JobTitleClassifierTest {

    private static final JobTitleClassifier ORIGINAL = new JobTitleClassifier(ClassificationMode.ORIGINAL);
    private static final JobTitleClassifier IMPROVED = new JobTitleClassifier(ClassificationMode.IMPROVED);

    /** A title each rule accepts alone, to which one exclusion term is added. */
    private static String acceptedTitle(JobTitleRules.Rule rule) {
        return switch (rule.metierData()) {
            case "DE" -> "Data Engineer";
            case "DA" -> "Data Analyst";
            default -> "Data Scientist";
        };
    }

    static Stream<Arguments> exclusions() {
        return JobTitleRules.IN_ORDER.stream()
                .flatMap(rule -> rule.exclusions().stream().map(term -> Arguments.of(rule.metierData(), term)));
    }

    private static JobTitleRules.Rule rule(String metierData) {
        return JobTitleRules.IN_ORDER.stream().filter(r -> r.metierData().equals(metierData)).findFirst().orElseThrow();
    }

    @Test
    void eachRuleAloneAcceptsItsBaseTitleInBothModes() {
        for (JobTitleRules.Rule rule : JobTitleRules.IN_ORDER) {
            assertThat(ORIGINAL.metierData(acceptedTitle(rule))).isEqualTo(rule.metierData());
            assertThat(IMPROVED.metierData(acceptedTitle(rule))).isEqualTo(rule.metierData());
        }
    }

    @ParameterizedTest(name = "{0} excludes ''{1}''")
    @MethodSource("exclusions")
    void eachExclusionTermRemovesItsClassInOriginalModeAsASubstring(String metierData, String term) {
        JobTitleRules.Rule rule = rule(metierData);
        assertThat(ORIGINAL.metierData(acceptedTitle(rule) + " " + term.toUpperCase())).isNotEqualTo(metierData);
        assertThat(ORIGINAL.metierData(acceptedTitle(rule) + " x" + term + "x")).isNotEqualTo(metierData);
    }

    @ParameterizedTest(name = "{0} excludes ''{1}''")
    @MethodSource("exclusions")
    void eachExclusionTermRemovesItsClassInImprovedModeAtAWordStartWithOrWithoutAccents(String metierData,
            String term) {
        JobTitleRules.Rule rule = rule(metierData);
        String word = term.equals("base") ? "base de données" : term;
        String unaccented = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        assertThat(IMPROVED.metierData(acceptedTitle(rule) + " " + word.toUpperCase())).isNotEqualTo(metierData);
        assertThat(IMPROVED.metierData(acceptedTitle(rule) + " - " + unaccented)).isNotEqualTo(metierData);
        assertThat(IMPROVED.metierData(acceptedTitle(rule) + " x" + term + "x"))
                .as("inside a word the term no longer excludes").isEqualTo(metierData);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Ingénieur data                      | DE   | DE
            Ingénieur données                   | DE   | DE
            Engineer data                       | DE   | DE
            Data engineering lead               | DE   | DE
            Ingénieur                           | NULL | NULL
            Data                                | NULL | NULL
            Chargé de reporting data            | DE   | NULL
            Data mining officer                 | DE   | NULL
            Data pricing                        | DE   | NULL
            Ingénieur donnée                    | NULL | DE
            Data analyste                       | DA   | DA
            Données analyse                     | DA   | DA
            Data viz                            | DA   | DA
            Dataviz designer                    | DA   | DA
            Data vision                         | DA   | DA
            Data division                       | DA   | NULL
            Gestionnaire de devis data          | DA   | NULL
            Consultant data Power BI            | DA   | DA
            Consultant data Power-BI            | DA   | DA
            Consultant data PowerBI             | DA   | DA
            Data Power Platform & BI            | DA   | NULL
            Data PowerPoint BI                  | DA   | NULL
            Data business intelligence          | DA   | DA
            Power BI                            | NULL | NULL
            Data Scientist                      | DS   | DS
            DataScientist                       | DS   | DS
            Data Science lead                   | DS   | DS
            Data & AI Scientist                 | DS   | NULL
            Scientifique donnée                 | DS   | DS
            Scientifique données                | DS   | DS
            Scientifique de la donnée           | NULL | DS
            Scientifique des données            | NULL | DS
            Scientifique                        | NULL | NULL
            """)
    void eachInclusionTermClassifiesAsTheModeSays(String title, String original, String improved) {
        assertThat(ORIGINAL.metierData(title)).as("original").isEqualTo(original);
        assertThat(IMPROVED.metierData(title)).as("improved").isEqualTo(improved);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Data Engineer - Système d'information   | NULL | DE
            Data Engineer transformation digitale   | NULL | DE
            Data Analyst Associate                  | NULL | DA
            Data Analyst social media               | NULL | DA
            Data Analyst SOC                        | NULL | NULL
            Data Engineer base de données           | NULL | NULL
            Ingénieur bases de données              | NULL | NULL
            Database Engineer                       | NULL | NULL
            Ingénieur Datacenter                    | NULL | NULL
            Data Engineer basé à Lyon               | DE   | DE
            Data Engineer reseau                    | DE   | NULL
            Data Engineer réseaux                   | NULL | NULL
            Data Engineer modélisation              | DE   | NULL
            Formation Data Analyst                  | NULL | NULL
            """)
    void exclusionSideEffectsOfTheOriginalAreFixedInImprovedMode(String title, String original, String improved) {
        assertThat(ORIGINAL.metierData(title)).as("original").isEqualTo(original);
        assertThat(IMPROVED.metierData(title)).as("improved").isEqualTo(improved);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Data Engineer Power BI                  | DA | DA
            Data Engineer / Data Analyst            | DA | DA
            Ingénieur données télévision            | DA | DE
            Data Scientist / Data Analyst           | DS | DS
            Data Analyst / Data Scientist           | DS | DS
            Data Engineer / Data Scientist          | DS | DS
            """)
    void laterRulesWinWhenTitlesMatchSeveral(String title, String original, String improved) {
        assertThat(ORIGINAL.metierData(title)).as("original").isEqualTo(original);
        assertThat(IMPROVED.metierData(title)).as("improved").isEqualTo(improved);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void leavesMissingOrBlankTitlesUnclassified(String title) {
        assertThat(ORIGINAL.metierData(title)).isNull();
        assertThat(IMPROVED.metierData(title)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100% data", "data_%_engineer", "Data Engineer (.*)[a-z]+$^\\", "Data 🚀 Engineer 😀",
            "\u0000Data\u0000Engineer", "İNGÉNIEUR DONNÉES", "D\u0301ata e\u0301ngineer", "%%%%", "_", "\uD83D"})
    void neverThrowsOnHostileTitles(String title) {
        assertThatCode(() -> ORIGINAL.metierData(title)).doesNotThrowAnyException();
        assertThatCode(() -> IMPROVED.metierData(title)).doesNotThrowAnyException();
    }

    @Test
    void treatsPercentAndUnderscoreInTitlesAsPlainCharacters() {
        assertThat(ORIGINAL.metierData("Data 100% scientist")).isEqualTo("DS"); // the pattern's %, not the title's
        assertThat(ORIGINAL.metierData("Data_Engineer")).isEqualTo("DE");
        assertThat(ORIGINAL.metierData("D_ta Engineer")).isNull();
        assertThat(IMPROVED.metierData("D_ta Engineer")).isNull();
    }

    @Test
    void classifiesAVeryLongTitleWithoutTrouble() {
        String longTitle = "Data Engineer " + "très long intitulé ".repeat(20_000) + " 🚀";
        assertThat(ORIGINAL.metierData(longTitle)).isEqualTo("DE");
        assertThat(IMPROVED.metierData(longTitle)).isEqualTo("DE");
    }

    @Test
    void foldsCapitalsAndAccentsOnlyInImprovedMode() {
        assertThat(ORIGINAL.metierData("DATA ANALYSTE")).isEqualTo("DA");
        assertThat(ORIGINAL.metierData("INGÉNIEUR DONNÉES")).isEqualTo("DE");
        assertThat(ORIGINAL.metierData("Ingénieur donnees")).isNull();
        assertThat(IMPROVED.metierData("Ingénieur donnees")).isEqualTo("DE");
        assertThat(IMPROVED.metierData("INGENIEUR DONNÉES")).isEqualTo("DE");
    }
}
