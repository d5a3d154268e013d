package fr.jobmarket.warehouse;

import java.util.List;

/**
 * The three metier_data rules of reference.md 6.1, with the original's exact term lists. A rule
 * matches when every inclusion group has a matching term and no exclusion term matches. What "a term
 * matches" means depends on the {@link ClassificationMode} ({@link JobTitleClassifier}).
 * The rules apply in this order, a later match overwriting an earlier one: DE, then DA, then DS.
 */
final class JobTitleRules {

    record Rule(String metierData, List<List<String>> inclusionGroups, List<String> exclusions) {
    }

    static final Rule DE = new Rule("DE",
            List.of(List.of("ing", "eng"), List.of("data", "données")),
            List.of("visuali", "viz", "scien", "center", "software", "architect", "base", "réseau", "model",
                    "observabilité", "logiciel", "analys", "analytics", "chef", "business", "cyber", "sre",
                    "marketing", "manager", "gouvernance", "responsable", "directeur", "formation",
                    "certification"));

    static final Rule DA = new Rule("DA",
            List.of(List.of("data", "données"),
                    List.of("analys", "viz", "vis", "power%bi", "business%intelligence")),
            List.of("développeur", "programmeur", "informaticien", "center", "software", "base", "réseau",
                    "observabilité", "logiciel", "analytics", "chef", "cyber", "sre", "marketing", "manager",
                    "gouvernance", "audit", "soc", "advisory", "supervision", "responsable", "directeur",
                    "formation", "certification", "trésorerie", "fonctionnel"));

    static final Rule DS = new Rule("DS",
            List.of(List.of("data%scientist", "data%science", "scientifique donnée")),
            List.of("développeur", "center", "software", "base", "réseau", "observabilité", "logiciel",
                    "analytics", "chef", "business", "cyber", "sre", "marketing", "manager", "gouvernance",
                    "audit", "soc", "advisory", "supervision", "responsable", "directeur", "formation",
                    "certification"));

    /** Application order: a later rule's match overwrites an earlier one (effective priority DS > DA > DE). */
    static final List<Rule> IN_ORDER = List.of(DE, DA, DS);

    private JobTitleRules() {
    }
}
