package fr.jobmarket.warehouse;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The liste_mots_cles vocabulary: the keyword list of reference.md 6.2, once, de-duplicated
 * ({@code tensorflow} was listed twice) and with {@code influxdb} spelled right (the original's
 * {@code ingluxdb} never matched). Grouped as in the original.
 */
final class Keywords {

    static final List<String> ALL = List.of(
            // languages
            "python", "java", "scala", "bash",
            // databases
            "sql", "postgresql", "timescaledb", "influxdb", "elastic", "redis", "mysql", "nosql", "mongodb",
            "cassandra",
            // Python libraries and frameworks
            "numpy", "pandas", "polars", "fastapi", "django", "flask", "scikit", "tensorflow", "pytorch",
            // big data and data warehousing
            "snowflake", "databricks", "bigquery",
            // orchestration
            "airflow", "luigi",
            // environment
            "notebook", "docker", "windows", "linux",
            // git
            "git", "gitlab", "github",
            // big data tools
            "spark", "kafka", "hadoop",
            // ETL tools
            "etl", "talend", "stambia", "informatica", "apache nifi",
            // tools
            "dbt", "grafana",
            // Power Platform
            "power platform", "power automate", "power apps",
            // cloud
            "cloud", "aws", "gcp", "azure",
            // data visualisation
            "power bi", "tableau", "excel",
            // more for data scientists
            "machine learning", "nlp", "llm", "deep learning", "hugging face", "keras");

    /**
     * Improved mode only: other spellings of the same tool that whole-word matching would otherwise miss
     * (the original found them as substrings). Multi-word keywords also match glued ("powerbi").
     */
    static final Map<String, List<String>> IMPROVED_VARIANTS = Map.of(
            "elastic", List.of("elasticsearch"),
            "spark", List.of("pyspark"),
            "notebook", List.of("notebooks"),
            "llm", List.of("llms"),
            "apache nifi", List.of("nifi"),
            "scikit", List.of("sklearn"));

    /**
     * Improved mode only: the next word that makes a keyword an ordinary French word rather than the tool
     * ("tableau de bord", "tableau croisé dynamique" are not Tableau).
     */
    static final Map<String, Set<String>> IMPROVED_NOT_BEFORE = Map.of(
            "tableau", Set.of("de", "d", "des", "du", "croise", "recapitulatif", "blanc"));

    private Keywords() {
    }
}
