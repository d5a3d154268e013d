package fr.jobmarket.sandbox;

import fr.jobmarket.sandbox.SandboxAppellations.Group;

/**
 * French texts of the synthetic offers. Titles exercise the DE / DA / DS classification of reference
 * section 6.1, including its overlaps and exclusions ("Data Engineer Power BI", "Chef de projet Data",
 * "Scientifique des données"); descriptions mention the keywords of section 6.2 and their false friends
 * ("digital", "JavaScript", "excellent", "tableaux de bord", "scalable").
 */
final class OfferTexts {

    private static final String[] DATA_CORE_TITLES = {
        "Data Engineer (H/F)", "Ingénieur Data H/F", "Ingénieur données - Cloud Azure (F/H)", "Data Engineer Power BI",
        "Ingénieur Big Data Spark / Scala", "Data Engineer Senior - plateforme GCP", "Ingénieur Data / Software",
        "Data Analyst (F/H)", "Data Analyst Power BI H/F", "Analyste de données H/F", "DATA ANALYST - Reporting",
        "Data Analyst / Data Scientist", "Chef de projet Data", "Data Scientist H/F", "Data Scientist - NLP / LLM",
        "Ingénieur Data Scientist (H/F)", "Scientifique des données", "Data Science Manager", "Consultant Data Visualisation",
        "Alternance - Data Analyst Business Intelligence", "Stage Data Engineer - Databricks", "Ingénieur(e) DONNÉES"};
    private static final String[] DATA_TITLES = {
        "Data Manager H/F", "Administrateur de bases de données", "Database Administrator PostgreSQL", "Data Protection Officer (DPO)",
        "Biostatisticien / Data Manager", "Architecte Big Data", "Développeur Big Data Hadoop", "Consultant BI Power BI",
        "Développeur décisionnel BI (F/H)", "Analyste qualité des données", "Data Steward", "Product Owner Data",
        "Ingénieur data gouvernance", "Technicien Data Center", "Data Analyst de la performance commerciale"};
    private static final String[] TECH_TITLES = {
        "Développeur Java / Spring Boot (H/F)", "Développeur Full-Stack JavaScript", "Développeur Web PHP Symfony",
        "Développeur Front-End React", "Développeur Back-End Node.js", "Analyste Développeur COBOL", "Ingénieur DevOps Kubernetes",
        "Administrateur Systèmes et Réseaux", "Développeur Mobile Flutter", "Développeur Jeux Vidéo Unity", "Webmaster",
        "Développeur .NET C#", "Ingénieur logiciel embarqué", "Développeur Python / Django", "Software Engineer (F/H)"};
    private static final String[] SECURITY_TITLES = {
        "Ingénieur Cybersécurité SOC", "Responsable de la Sécurité des SI (RSSI)", "Pentester confirmé",
        "Analyste SOC N2", "Architecte Sécurité Cloud", "Consultant GRC ISO 27001", "Ingénieur Sécurité Réseau"};
    /** Quotes, apostrophe, backslash, emoji, percent and underscore in one title. */
    static final String AWKWARD_TITLE = "Data Engineer \"Senior\" – l'équipe C:\\data\\lake 🚀 100% remote_first";

    private static final String[] TOOLS = {
        "Python", "SQL", "Power BI", "Spark", "Kafka", "Airflow", "dbt", "Docker", "GitLab", "GitHub", "AWS", "Azure",
        "GCP", "Snowflake", "Databricks", "BigQuery", "Tableau", "Excel", "PostgreSQL", "MongoDB", "Talend", "Scala",
        "Java", "JavaScript", "Linux", "Hadoop", "Grafana", "Pandas", "scikit-learn", "TensorFlow", "PyTorch",
        "machine learning", "deep learning", "NoSQL", "Elasticsearch", "Terraform", "Kubernetes", "React", "TypeScript"};
    private static final String[] OPENINGS = {
        "Rattaché(e) à la direction digitale, vous rejoignez une équipe de %d personnes.",
        "Au sein de notre pôle data, vous participez à la transformation digitale de nos clients.",
        "Dans le cadre de notre croissance, nous recherchons un(e) collaborateur(rice) pour renforcer l'équipe.",
        "Vous intégrez une start-up en forte croissance (+%d%% par an) basée au cœur de la ville."};
    private static final String[] MISSIONS = {
        "concevoir et maintenir des pipelines de données scalables",
        "construire des tableaux de bord pour les équipes métier",
        "industrialiser des modèles de machine learning",
        "garantir la qualité et la sécurité des données",
        "développer de nouvelles fonctionnalités et assurer la maintenance évolutive",
        "participer aux rituels agiles (Scrum, revues de code)",
        "rédiger la documentation technique et former les utilisateurs"};
    private static final String[] PROFILES = {
        "Vous avez un excellent relationnel et le sens du service.",
        "Vous maîtrisez l'anglais technique ; une première expérience en ESN est un plus.",
        "Titulaire d'un Bac+5 (école d'ingénieur ou master), vous justifiez de 2 ans d'expérience.",
        "Curieux(se), rigoureux(se) et autonome, vous aimez le travail en équipe."};
    private static final String[] COMPANIES = {
        "DATANOVA", "L'Atelier Numérique", "Groupe Hexalis", "Cabinet O'Neil & Fils", "Mutuelle Bretonne des Données",
        "Cyberlynx SAS", "Banque du Léman", "Orbis Conseil", "Les Logiciels d'Émeraude", "TRANSPORTS ROUX ET CIE"};

    private OfferTexts() {
    }

    static String title(Group group, Mix mix) {
        // The API returns offers unrelated to the requested appellation: one in ten comes from another pool.
        Group drawn = mix.chance(10) ? Group.values()[mix.below(Group.values().length)] : group;
        return mix.pick(switch (drawn) {
            case DATA_CORE -> DATA_CORE_TITLES;
            case DATA -> DATA_TITLES;
            case TECH -> TECH_TITLES;
            case SECURITY -> SECURITY_TITLES;
        });
    }

    static String description(Mix mix, boolean veryLong) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(java.util.Locale.ROOT, mix.pick(OPENINGS), 3 + mix.below(20))).append("\n\nVos missions :\n");
        int missions = 2 + mix.below(3);
        for (int i = 0; i < missions; i++) {
            text.append("- ").append(mix.pick(MISSIONS)).append(";\n");
        }
        text.append("\nEnvironnement technique : ");
        int tools = 3 + mix.below(6);
        for (int i = 0; i < tools; i++) {
            text.append(i == 0 ? "" : ", ").append(mix.pick(TOOLS));
        }
        text.append(".\n\n").append(mix.pick(PROFILES));
        if (veryLong) {
            // Longer than any VARCHAR a careless schema would give a description.
            String base = text.toString();
            while (text.length() <= 6500) {
                text.append("\n\n").append(base);
            }
        }
        return text.toString();
    }

    static String company(Mix mix) {
        return mix.pick(COMPANIES);
    }

    static String companyDescription(String company, boolean veryLong) {
        String text = company + " accompagne depuis 1998 les entreprises françaises dans leurs projets numériques : "
                + "conseil, intégration et infogérance. Nos 250 collaborateurs partagent des valeurs d'excellence et d'engagement.";
        StringBuilder builder = new StringBuilder(text);
        while (veryLong && builder.length() <= 1200) {
            builder.append(' ').append(text);
        }
        return builder.toString();
    }
}
