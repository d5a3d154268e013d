package fr.jobmarket.warehouse;

import fr.jobmarket.config.Settings;
import fr.jobmarket.config.StartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The worked examples of reference.md A.4 and A.5, the setting, and the mode differences on them. */
class ClassificationTest {

    private static final Classification ORIGINAL = new Classification(ClassificationMode.ORIGINAL);
    private static final Classification IMPROVED = new Classification(ClassificationMode.IMPROVED);

    private static Settings settings(Map<String, String> overrides) {
        return Settings.load(Map.of(), new Properties(), overrides);
    }

    @Test
    void usesTheImprovedModeByDefault() {
        assertThat(Classification.of(settings(Map.of())).mode()).isEqualTo(ClassificationMode.IMPROVED);
    }

    @Test
    void readsTheModeFromTheSettingWhateverItsCase() {
        Classification classification =
                Classification.of(settings(Map.of("jobmarket.classification.mode", "Original")));
        assertThat(classification.mode()).isEqualTo(ClassificationMode.ORIGINAL);
    }

    @Test
    void rejectsAnUnknownModeNamingTheSettingAndTheExpectedValues() {
        assertThatThrownBy(() -> Classification.of(settings(Map.of("jobmarket.classification.mode", "fuzzy"))))
                .isInstanceOf(StartupException.class)
                .hasMessage("Setting jobmarket.classification.mode (JOBMARKET_CLASSIFICATION_MODE) is 'fuzzy':"
                        + " expected original or improved.");
    }

    /** Reference A.4, "recommended result" column, and what the improved mode gives instead. */
    @ParameterizedTest(name = "{0} -> original {1}, improved {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Data Engineer H/F                       | DE   | DE
            INGÉNIEUR DONNÉES                       | DE   | DE
            Ingenieur donnees                       | NULL | DE
            Data Analyst (H/F)                      | DA   | DA
            Data Scientist H/F                      | DS   | DS
            Consultant Data Visualisation           | DA   | DA
            Data Engineer Power BI                  | DA   | DA
            Data Scientist / Data Analyst           | DS   | DS
            Ingénieur Data - Système d'information  | NULL | DE
            Data Analyst Associate                  | NULL | DA
            Data Analyst - Société Générale         | NULL | DA
            Database Engineer                       | NULL | NULL
            Data Engineer basé à Lyon               | DE   | DE
            Chargé de reporting data                | DE   | NULL
            Data Analytics Engineer                 | NULL | NULL
            Développeur Big Data                    | NULL | NULL
            Scientifique des données                | NULL | DS
            Ingénieur Data Center                   | NULL | NULL
            """)
    void classifiesTheReferenceExamples(String title, String original, String improved) {
        assertThat(ORIGINAL.metierData(title)).as("original").isEqualTo(original);
        assertThat(IMPROVED.metierData(title)).as("improved").isEqualTo(improved);
    }

    @Test
    void findsTheReferenceKeywordsWithTheirFalsePositivesInOriginalMode() {
        assertThat(ORIGINAL.keywords("Maîtrise de Python et SQL, environnement digital, excellent relationnel,"
                + " JavaScript apprécié.", "DE")).containsExactly("excel", "git", "java", "python", "sql");
        assertThat(ORIGINAL.keywords("Stack : PostgreSQL, GitLab CI, tableaux de bord Power BI, solutions"
                + " scalables sur AWS.", "DA"))
                .containsExactly("aws", "git", "gitlab", "postgresql", "power bi", "scala", "sql", "tableau");
        assertThat(ORIGINAL.keywords("Vous travaillerez sur des pipelines ETL avec Spark sur Azure.", "DS"))
                .containsExactly("azure", "etl", "spark");
    }

    @Test
    void findsOnlyTheToolsTheReferenceDescriptionsNameInImprovedMode() {
        assertThat(IMPROVED.keywords("Maîtrise de Python et SQL, environnement digital, excellent relationnel,"
                + " JavaScript apprécié.", "DE")).containsExactly("python", "sql");
        assertThat(IMPROVED.keywords("Stack : PostgreSQL, GitLab CI, tableaux de bord Power BI, solutions"
                + " scalables sur AWS.", "DA")).containsExactly("aws", "gitlab", "postgresql", "power bi");
        assertThat(IMPROVED.keywords("Vous travaillerez sur des pipelines ETL avec Spark sur Azure.", "DS"))
                .containsExactly("azure", "etl", "spark");
    }

    @Test
    void givesKeywordsToUnclassifiedOffersOnlyInImprovedMode() {
        String description = "Développement Java et SQL sous Linux.";
        assertThat(ORIGINAL.keywords(description, null)).isEmpty();
        assertThat(ORIGINAL.keywords(description, "XX")).isEmpty();
        assertThat(IMPROVED.keywords(description, null)).containsExactly("java", "linux", "sql");
    }

    @Test
    void keywordListIsTheReferenceListDeduplicatedWithInfluxdbSpelledRight() {
        List<String> all = Keywords.ALL;
        assertThat(all).hasSize(61).doesNotHaveDuplicates().contains("influxdb").doesNotContain("ingluxdb");
        assertThat(ORIGINAL.keywords("séries temporelles dans InfluxDB", "DE")).containsExactly("influxdb");
        assertThat(IMPROVED.keywords("séries temporelles dans InfluxDB", null)).containsExactly("influxdb");
    }

    @Test
    void fingerprintNamesTheModeAndIsEqualForEqualRules() {
        assertThat(IMPROVED.fingerprint()).matches("improved-" + Classification.MATCHING_VERSION + "-[0-9a-f]{32}")
                .isEqualTo(new Classification(ClassificationMode.IMPROVED).fingerprint());
        assertThat(ORIGINAL.fingerprint()).startsWith("original-")
                .isEqualTo(new Classification(ClassificationMode.ORIGINAL).fingerprint());
        // the same rules in both modes: only the mode part differs
        assertThat(ORIGINAL.fingerprint().substring("original".length()))
                .isEqualTo(IMPROVED.fingerprint().substring("improved".length()));
    }
}
