package fr.jobmarket.sandbox;

import java.util.List;

/**
 * The 61 appellation codes of the harvest (reference section 2, without the test entry 11100), with
 * the label and ROME code the synthetic offers carry, and the share of the synthetic data set each
 * one receives. Kept here, not read from the harvest's file, so the sandbox stands alone.
 */
final class SandboxAppellations {

    enum Group { DATA_CORE, DATA, TECH, SECURITY }

    /**
     * @param weight relative share of the data set among the "ordinary" appellations; 0 = no offers at all
     */
    record Appellation(String code, String libelle, String romeCode, Group group, int weight) {
    }

    /** Far above the 3150 cap: the harvester must split its query (rule in {@link SyntheticOffers}). */
    static final String ABOVE_CAP = "14153";
    /** Exactly one full page of 150 offers (from 1,000 offers in the data set). */
    static final String EXACTLY_ONE_PAGE = "38972";

    static final List<Appellation> ALL = List.of(
            new Appellation("404278", "Data engineer", "M1811", Group.DATA_CORE, 14),
            new Appellation("404284", "Ingénieur / Ingénieure données", "M1811", Group.DATA_CORE, 9),
            new Appellation("38971", "Data analyst", "M1403", Group.DATA_CORE, 18),
            new Appellation("38972", "Data scientist", "M1403", Group.DATA_CORE, 0),
            new Appellation("404274", "Ingénieur / Ingénieure data scientist", "M1403", Group.DATA_CORE, 4),
            new Appellation("38970", "Data miner", "M1403", Group.DATA, 1),
            new Appellation("38975", "Data manager", "M1811", Group.DATA, 3),
            new Appellation("38977", "Développeur / Développeuse Big Data", "M1811", Group.DATA, 3),
            new Appellation("38095", "Analyste décisionnel - Business Intelligence", "M1811", Group.DATA, 6),
            new Appellation("404276", "Architecte Big Data", "M1811", Group.DATA, 2),
            new Appellation("404277", "Big data engineer", "M1811", Group.DATA, 2),
            new Appellation("404279", "Docteur / Docteure Big Data", "M1811", Group.DATA, 0),
            new Appellation("404280", "Expert / Experte Big Data", "M1811", Group.DATA, 1),
            new Appellation("404281", "Expert / Experte technique Big Data", "M1811", Group.DATA, 0),
            new Appellation("404282", "Ingénieur / Ingénieure Big Data", "M1811", Group.DATA, 2),
            new Appellation("404283", "Ingénieur / Ingénieure dataviz", "M1811", Group.DATA, 1),
            new Appellation("404285", "Ingénieur / Ingénieure en développement Big Data", "M1811", Group.DATA, 1),
            new Appellation("404286", "Responsable architecture conception data", "M1811", Group.DATA, 1),
            new Appellation("404287", "Responsable Big Data", "M1811", Group.DATA, 1),
            new Appellation("404288", "Développeur / Développeuse data", "M1811", Group.DATA, 3),
            new Appellation("404291", "Data protection officer", "M1802", Group.DATA, 2),
            new Appellation("404939", "Biostatisticien / Biostatisticienne data manager", "M1403", Group.DATA, 1),
            new Appellation("405222", "Data analyst de la performance", "M1403", Group.DATA, 1),
            new Appellation("489091", "Database administrator", "M1801", Group.DATA, 4),
            new Appellation("404275", "Analyste qualité des données", "M1811", Group.DATA, 1),
            new Appellation("404289", "Analyste scientifique des données", "M1403", Group.DATA, 1),
            new Appellation("404271", "Expert / Experte en sciences des données", "M1403", Group.DATA, 1),
            new Appellation("404273", "Explorateur / Exploratrice de données", "M1403", Group.DATA, 0),
            new Appellation("38661", "Développeur / Développeuse décisionnel BI", "M1805", Group.DATA, 4),
            new Appellation("10944", "Analyste développeur / développeuse", "M1805", Group.TECH, 6),
            new Appellation("14148", "Développeur / Développeuse d'application", "M1805", Group.TECH, 8),
            new Appellation("14153", "Développeur / Développeuse informatique", "M1805", Group.TECH, 0),
            new Appellation("14155", "Développeur / Développeuse multimédia", "M1805", Group.TECH, 1),
            new Appellation("14156", "Développeur / Développeuse web", "M1805", Group.TECH, 16),
            new Appellation("489255", "Développeur / Développeuse logiciel ou application", "M1805", Group.TECH, 5),
            new Appellation("200151", "Développeur / Développeuse back-end", "M1805", Group.TECH, 6),
            new Appellation("140953", "Développeur / Développeuse logiciel réalité augmentée", "M1805", Group.TECH, 0),
            new Appellation("38976", "Développeur / Développeuse full-stack", "M1805", Group.TECH, 12),
            new Appellation("200150", "Développeur / Développeuse front-end", "M1805", Group.TECH, 5),
            new Appellation("20728", "Webmaster développeur / développeuse", "M1805", Group.TECH, 2),
            new Appellation("38717", "Développeur / Développeuse jeux vidéo", "E1104", Group.TECH, 1),
            new Appellation("38745", "Développeur / Développeuse web mobile", "M1805", Group.TECH, 4),
            new Appellation("10315", "Administrateur / Administratrice de systèmes d'information", "M1801", Group.TECH, 8),
            new Appellation("14943", "Expert / Experte sécurité des systèmes d'exploitation", "M1802", Group.SECURITY, 1),
            new Appellation("14959", "Expert / Experte en sécurité informatique", "M1802", Group.SECURITY, 3),
            new Appellation("15885", "Ingénieur / Ingénieure sécurité informatique", "M1802", Group.SECURITY, 3),
            new Appellation("19178", "Responsable sécurité des systèmes d'information", "M1802", Group.SECURITY, 2),
            new Appellation("19180", "Responsable de la sécurité informatique", "M1802", Group.SECURITY, 1),
            new Appellation("489121", "Expert / Experte en sécurité informatique", "M1802", Group.SECURITY, 1),
            new Appellation("489123", "Ingénieur / Ingénieure cybersécurité Datacenter", "M1802", Group.SECURITY, 1),
            new Appellation("38834", "Expert / Experte en cybersécurité", "M1802", Group.SECURITY, 3),
            new Appellation("404297", "Responsable de la sécurité informatique", "M1802", Group.SECURITY, 1),
            new Appellation("38913", "Expert / Experte en tests d'intrusion - sécurité des SI", "M1802", Group.SECURITY, 1),
            new Appellation("38916", "Développeur / Développeuse sécurité des SI", "M1802", Group.SECURITY, 1),
            new Appellation("489998", "Expert / Experte sécurité IT", "M1802", Group.SECURITY, 1),
            new Appellation("38833", "Ingénieur / Ingénieure sécurité web", "M1802", Group.SECURITY, 1),
            new Appellation("38910", "Architecte sécurité des SI", "M1802", Group.SECURITY, 1),
            new Appellation("38912", "Expert / Experte sécurité des SI", "M1802", Group.SECURITY, 1),
            new Appellation("38915", "Analyste en cybersécurité", "M1802", Group.SECURITY, 2),
            new Appellation("488824", "DevOps", "M1805", Group.TECH, 5),
            new Appellation("488822", "Ingénieur / Ingénieure DevOps", "M1805", Group.TECH, 6));

    private SandboxAppellations() {
    }

    static int indexOf(String code) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
