package fr.jobmarket.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Keyword edge cases of reference.md 6.2 in both modes. */
class KeywordExtractorTest {

    private static final KeywordExtractor ORIGINAL = new KeywordExtractor(ClassificationMode.ORIGINAL);
    private static final KeywordExtractor IMPROVED = new KeywordExtractor(ClassificationMode.IMPROVED);

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    /** Description, then the original's keywords (offer classified DE), then the improved keywords. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            transformation digitale                      | git                     | NONE
            Git et GitHub                                | git,github              | git,github
            GitLab CI                                    | git,gitlab              | gitlab
            JavaScript et TypeScript                     | java                    | NONE
            Java/J2EE                                    | java                    | java
            Java8 et Python3                             | java,python             | java,python
            excellent relationnel                        | excel                   | NONE
            Excel avancé                                 | excel                   | excel
            architecture scalable                        | scala                   | NONE
            Scala et Spark                               | scala,spark             | scala,spark
            MySQL                                        | mysql,sql               | mysql
            NoSQL et PostgreSQL                          | nosql,postgresql,sql    | nosql,postgresql
            T-SQL et PL/SQL                              | sql                     | sql
            tableaux de bord                             | tableau                 | NONE
            tableau de bord                              | tableau                 | NONE
            Tableau, Qlik                                | tableau                 | tableau
            Tableau Software                             | tableau                 | tableau
            the laws of data                             | aws                     | NONE
            AWS et GCP                                   | aws,gcp                 | aws,gcp
            elasticité                                   | elastic                 | NONE
            Elasticsearch                                | elastic                 | elastic
            Power BI                                     | power bi                | power bi
            power-bi                                     | NONE                    | power bi
            PowerBI                                      | NONE                    | power bi
            Power  BI                                    | NONE                    | power bi
            POWER_BI                                     | NONE                    | power bi
            Power Apps et Power Automate                 | power apps,power automate | power apps,power automate
            Machine-Learning et deep learning            | deep learning           | deep learning,machine learning
            Hugging Face                                 | hugging face            | hugging face
            Apache NiFi                                  | apache nifi             | apache nifi
            NiFi                                         | NONE                    | apache nifi
            PySpark                                      | spark                   | spark
            scikit-learn                                 | scikit                  | scikit
            notebooks Jupyter                            | notebook                | notebook
            cloud-native                                 | cloud                   | cloud
            Dbt et Airflow                               | airflow,dbt             | airflow,dbt
            InfluxDB                                     | influxdb                | influxdb
            ingluxdb                                     | NONE                    | NONE
            """)
    void matchesSubstringsInOriginalModeAndWholeWordsInImprovedMode(String description, String original,
            String improved) {
        assertThat(ORIGINAL.keywords(description, "DE")).as("original").isEqualTo(list(original));
        assertThat(IMPROVED.keywords(description, "DE")).as("improved").isEqualTo(list(improved));
    }

    @Test
    void returnsDistinctKeywordsSortedAscending() {
        String description = "SQL, Python, sql again, AWS, python, Power BI, Airflow, power bi";
        List<String> expected = List.of("airflow", "aws", "power bi", "python", "sql");
        assertThat(ORIGINAL.keywords(description, "DA")).isEqualTo(expected);
        assertThat(IMPROVED.keywords(description, "DA")).isEqualTo(expected);
    }

    @Test
    void matchesAccentsOnlyInImprovedMode() {
        assertThat(IMPROVED.keywords("Pÿthon, SQL, Dockér", null)).containsExactly("docker", "python", "sql");
        assertThat(ORIGINAL.keywords("Pÿthon, SQL, Dockér", "DE")).containsExactly("sql");
    }

    @Test
    void givesNoKeywordsToUnclassifiedOffersInOriginalModeOnly() {
        assertThat(ORIGINAL.keywords("Python", null)).isEmpty();
        assertThat(IMPROVED.keywords("Python", null)).containsExactly("python");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "aucune compétence technique citée"})
    void givesAnEmptyListWithoutDescriptionOrKeyword(String description) {
        assertThat(ORIGINAL.keywords(description, "DE")).isEmpty();
        assertThat(IMPROVED.keywords(description, "DE")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100% Python_", "(.*)+[sql]$^\\ \\Q \\E", "🚀 Python 😀 SQL🔥", "\uD83D",
        "\u0000sql\u0000", "'; DROP TABLE offreemploi; --", "%_%_%"})
    void neverThrowsOnHostileDescriptions(String description) {
        assertThatCode(() -> ORIGINAL.keywords(description, "DS")).doesNotThrowAnyException();
        assertThatCode(() -> IMPROVED.keywords(description, "DS")).doesNotThrowAnyException();
    }

    @Test
    void findsKeywordsNextToEmojiAndInVeryLongText() {
        String longText = "x".repeat(500_000) + " 🚀Python🚀 " + "lorem ipsum ".repeat(50_000) + "Kafka";
        assertThat(ORIGINAL.keywords(longText, "DE")).containsExactly("kafka", "python");
        assertThat(IMPROVED.keywords(longText, "DE")).containsExactly("kafka", "python");
    }
}
