package fr.jobmarket.warehouse;

import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static fr.jobmarket.warehouse.WarehouseTables.dump;
import static fr.jobmarket.warehouse.WarehouseTables.execute;
import static fr.jobmarket.warehouse.WarehouseTables.load;
import static fr.jobmarket.warehouse.WarehouseTables.resource;
import static fr.jobmarket.warehouse.WarehouseTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseLoaderTest {

    @BeforeEach
    void emptyWarehouse() {
        TestDatabase.truncateAll();
    }

    @Test
    void fillsEveryTableFromTheHistoryColumnByColumn() {
        LoadReport report = load("history-1.json", "2025-03-02");

        assertThat(report.offersRead()).isEqualTo(4);
        assertThat(report.offersStaged()).isEqualTo(4);
        assertThat(report.table("offreemploi").inserted()).isEqualTo(4);
        assertThat(rows("SELECT * FROM offreemploi ORDER BY offre_id")).containsExactly(
                "0230096|2025-03-02|2025-03-02|2025-03-01|null|null",
                "1316532|2025-03-02|2025-03-02|2025-02-25|2025-02-26|2",
                "176EARL|2025-02-01|2025-01-15|2025-01-10|2025-01-12|null",
                "188LLXS|2025-03-02|2025-03-02|2025-02-20|2025-02-28|1");
        assertThat(rows("SELECT * FROM contrat WHERE offre_id IN ('188LLXS', '0230096') ORDER BY offre_id")).containsExactly(
                "0230096|null|null|null|null|null|null|null|null|null|null|null|null|null|null|null",
                "188LLXS|CDI|Contrat à durée indéterminée|35H Horaires normaux|Temps plein|Contrat travail"
                        + "|Annuel de 30000 Euros à 35000 Euros|Mutuelle|Prime|selon profil|f|1|Jamais|Travail en journée"
                        + "|Port de chaussures de sécurité|{30000,35000}");
        assertThat(rows("SELECT * FROM entreprise ORDER BY offre_id")).containsExactly(
                "0230096|null|null|null|null|null",
                "1316532|SERVEURS SA|null|null|null|null",
                "176EARL|null|null|null|null|null",
                "188LLXS|ACME INDUSTRIE|Fabricant.|f|28.99B|Fabrication d'autres machines");
        assertThat(rows("SELECT * FROM localisation ORDER BY offre_id")).containsExactly(
                "0230096|null|null|null|null|null|null|null|null|cas_5",
                "1316532|null|null|null|null|44|Loire-Atlantique|52|Pays de la Loire|cas_3",
                "176EARL|null|null|null|null|null|null|11|Île-de-France|cas_4",
                "188LLXS|75108|Paris 8e Arrondissement|75008|Paris|75|Paris|11|Île-de-France|cas_1");
        assertThat(rows("SELECT * FROM descriptionoffre WHERE offre_id <> '176EARL' ORDER BY offre_id")).containsExactly(
                "0230096|Data Engineer|null|null|null|null|null|null|null|null|DE|null",
                "1316532|Administrateur linux (H/F)|Administration de serveurs Linux.|null|M1801"
                        + "|Administration de systèmes d'information|Administrateur / Administratrice système|t|f"
                        + "|https://candidat.francetravail.fr/offres/recherche/detail/1316532|null|{linux}",
                "188LLXS|Technicien de gestion de données sur équipement (H/F)|Gestion des données d'équipement.\nSuivi GMAO."
                        + "|INDEED|M1811|Data engineer|Technicien / Technicienne de gestion de données|f|t"
                        + "|https://candidat.francetravail.fr/offres/recherche/detail/188LLXS|null|null");

        assertThat(rows("SELECT * FROM competence ORDER BY competence_id")).containsExactly(
                "1|100001|Analyser des données|E", "2|100002|Renseigner une GMAO|E", "3|100003|Contrôler la qualité|S",
                "4|100004|Rédiger un rapport|S", "5|100005|Former des utilisateurs|S",
                "6|200001|Administrer un système Linux|E", "7|200002|Sauvegarder des données|null");
        assertThat(rows("SELECT * FROM offre_competence ORDER BY offre_id, competence_id")).containsExactly(
                "1316532|6|2025-03-02", "1316532|7|2025-03-02",
                "188LLXS|1|2025-03-02", "188LLXS|2|2025-03-02", "188LLXS|3|2025-03-02", "188LLXS|4|2025-03-02",
                "188LLXS|5|2025-03-02");
        assertThat(rows("SELECT * FROM experience ORDER BY experience_id")).containsExactly(
                "1|2 An(s)|S|sur un poste similaire", "2|Débutant accepté|D|null", "3|Expérience exigée de 3 An(s)|E|null");
        assertThat(rows("SELECT * FROM offre_experience ORDER BY offre_id")).containsExactly(
                "0230096|2|2025-03-02", "1316532|3|2025-03-02", "176EARL|2|2025-02-01", "188LLXS|1|2025-03-02");
        // a missing formations key is one all-empty formation (code 0); an incomplete formation is linked too
        assertThat(rows("SELECT * FROM formation ORDER BY formation_id")).containsExactly(
                "1|0|null|null|null|null", "2|31054|Informatique|Bac+3, Bac+4 ou équivalents|null|S");
        assertThat(rows("SELECT * FROM offre_formation ORDER BY offre_id")).containsExactly(
                "0230096|1|2025-03-02", "1316532|2|2025-03-02", "188LLXS|1|2025-03-02");
        assertThat(rows("SELECT * FROM qualiteprofessionnelle ORDER BY 1")).containsExactly(
                "1|Autonomie|Prendre des initiatives.", "2|Rigueur|Respecter les procédures.");
        assertThat(rows("SELECT * FROM offre_qualiteprofessionnelle ORDER BY 1, 2")).containsExactly(
                "176EARL|2|2025-02-01", "188LLXS|1|2025-03-02", "188LLXS|2|2025-03-02");
        assertThat(rows("SELECT * FROM qualification ORDER BY 1")).containsExactly("7|Technicien", "9|Cadre");
        assertThat(rows("SELECT * FROM offre_qualification ORDER BY 1")).containsExactly(
                "1316532|9|2025-03-02", "176EARL|7|2025-02-01", "188LLXS|7|2025-03-02");
        assertThat(rows("SELECT * FROM langue")).containsExactly("1|Anglais|S");
        assertThat(rows("SELECT * FROM offre_langue")).containsExactly("188LLXS|1|2025-03-02");
        assertThat(rows("SELECT * FROM permisconduire")).containsExactly("1|B - Véhicule léger|E");
        assertThat(rows("SELECT * FROM offre_permisconduire")).containsExactly("188LLXS|1|2025-03-02");
    }

    @Test
    void neverStoresContactsOrAgencies() {
        load("history-1.json", "2025-03-02");

        assertThat(dump().values()).allSatisfy(table -> assertThat(String.join("\n", table))
                .doesNotContain("secret").doesNotContain("01 02 03 04 05"));
    }

    @Test
    void latestExtractionWinsAndMultiValuedJunctionsKeepTheirCompleteSet() {
        load("history-1.json", "2025-03-02");
        LoadReport report = load("history-2.json", "2025-04-05");

        // reference.md 5.5: 188LLXS qualification 7 then 8, 1316532 experience E then D
        assertThat(rows("SELECT * FROM offre_qualification WHERE offre_id = '188LLXS'")).containsExactly("188LLXS|8|2025-04-05");
        assertThat(rows("SELECT * FROM qualification ORDER BY 1")).containsExactly("7|Technicien", "8|Agent de maîtrise", "9|Cadre");
        assertThat(rows("SELECT e.experience_libelle, e.experience_code_exigence, j.date_extraction FROM offre_experience j"
                + " JOIN experience e USING (experience_id) WHERE offre_id = '1316532'"))
                .containsExactly("Débutant accepté|D|2025-04-05");
        // five competences stay five, the changed one replaced
        assertThat(rows("SELECT c.competence_code, j.date_extraction FROM offre_competence j JOIN competence c"
                + " USING (competence_id) WHERE offre_id = '188LLXS' ORDER BY 1")).containsExactly(
                "100001|2025-04-05", "100002|2025-04-05", "100003|2025-04-05", "100004|2025-04-05", "100006|2025-04-05");
        assertThat(rows("SELECT count(*) FROM offre_competence WHERE offre_id = '1316532' AND date_extraction = '2025-04-05'"))
                .containsExactly("2");
        assertThat(rows("SELECT q.qualite_professionnelle_libelle FROM offre_qualiteprofessionnelle j"
                + " JOIN qualiteprofessionnelle q USING (qualite_professionnelle_id) WHERE offre_id = '1316532'"))
                .containsExactly("Autonomie");
        assertThat(rows("SELECT intitule_offre FROM descriptionoffre WHERE offre_id = '188LLXS'"))
                .containsExactly("Technicien de gestion de données (H/F)");
        assertThat(rows("SELECT date_extraction, date_actualisation FROM offreemploi WHERE offre_id = '188LLXS'"))
                .containsExactly("2025-04-05|2025-04-01");
        // only rows that changed are counted
        assertThat(report.table("offreemploi")).isEqualTo(new LoadReport.TableCounts(1, 2, 0));
        // 188LLXS: four competences re-dated, one replaced; 1316532: its two re-dated
        assertThat(report.table("offre_competence")).isEqualTo(new LoadReport.TableCounts(1, 6, 1));
        // 188LLXS (7 -> 8) replaced, 1316532 (9 re-seen) re-dated
        assertThat(report.table("offre_qualification")).isEqualTo(new LoadReport.TableCounts(1, 1, 1));
    }

    @Test
    void keepsOffersThatDisappearedFromTheApiWithTheirOldExtractionDate() {
        load("history-1.json", "2025-03-02");
        load("history-2.json", "2025-04-05");

        assertThat(rows("SELECT date_extraction FROM offreemploi WHERE offre_id = '0230096'")).containsExactly("2025-03-02");
        assertThat(rows("SELECT experience_id, date_extraction FROM offre_experience WHERE offre_id = '0230096'"))
                .containsExactly("2|2025-03-02");
        assertThat(rows("SELECT date_extraction FROM offre_qualification WHERE offre_id = '176EARL'")).containsExactly("2025-02-01");
    }

    @Test
    void dailyLoadSkipsOffersOfEarlierExtractionsAndGivesTheSameTablesAsAFullReload() {
        load("history-1.json", "2025-03-02");
        LoadReport incremental = load("history-2.json", "2025-04-05");
        Map<String, List<String>> afterIncremental = dump();

        TestDatabase.truncateAll();
        load(resource("history-1.json"), "2025-03-02", true);
        LoadReport full = load(resource("history-2.json"), "2025-04-05", true);

        assertThat(incremental.offersSkipped()).isEqualTo(1); // 176EARL, dated before the warehouse's latest extraction
        assertThat(incremental.loadedFrom()).hasToString("2025-03-02");
        assertThat(full.offersSkipped()).isZero();
        assertThat(full.offersStaged()).isEqualTo(5);
        assertThat(dump()).isEqualTo(afterIncremental);
    }

    @Test
    void reloadingAnOlderHistoryLeavesTheJunctionRowsOfTheLaterExtraction() {
        load(resource("history-2.json"), "2025-04-05", true);
        Map<String, List<String>> junctions = junctionRows();

        load(resource("history-1.json"), "2025-03-02", true);

        assertThat(junctionRows()).isEqualTo(junctions);
        assertThat(rows("SELECT qualification_code, date_extraction FROM offre_qualification WHERE offre_id = '188LLXS'"))
                .containsExactly("8|2025-04-05");
    }

    private static Map<String, List<String>> junctionRows() {
        Map<String, List<String>> junctions = new java.util.TreeMap<>(dump());
        junctions.keySet().removeIf(table -> !table.startsWith("offre_"));
        return junctions;
    }

    @Test
    void reclassifiesOffersOutsideTheLoadWhenTheirStoredClassNoLongerMatchesTheRules() {
        load("history-1.json", "2025-03-02");
        // 176EARL is skipped by the next load (older extraction): a class the current rules do not give it is stale
        String expected = Classification.of(WarehouseTables.settings(false)).metierData("Analyste de données");
        execute("UPDATE descriptionoffre SET metier_data = 'DS', liste_mots_cles = '{stale}' WHERE offre_id = '176EARL'");
        // the stale class came from rules of an earlier version
        execute("UPDATE classification_state SET fingerprint = 'improved-0-earlier-rules'");

        LoadReport report = load("history-2.json", "2025-04-05");

        assertThat(report.offersSkipped()).isEqualTo(1);
        assertThat(report.offersReclassified()).isEqualTo(1);
        assertThat(rows("SELECT metier_data, liste_mots_cles FROM descriptionoffre WHERE offre_id = '176EARL'"))
                .containsExactly(expected + "|null");
    }

    @Test
    void loadingTheSameHistoryTwiceLeavesIdenticalTables() {
        load("history-1.json", "2025-03-02");
        load("history-2.json", "2025-04-05");
        Map<String, List<String>> once = dump();

        LoadReport again = load(resource("history-2.json"), "2025-04-05", true);

        assertThat(dump()).isEqualTo(once);
        assertThat(again.tables().values()).allSatisfy(counts -> assertThat(counts).isEqualTo(new LoadReport.TableCounts(0, 0, 0)));
    }

    @Test
    void nullNaturalKeysDoNotDuplicateDimensionRowsAcrossLoads() {
        load(resource("history-1.json"), "2025-03-02", true);
        load(resource("history-1.json"), "2025-03-02", true);
        load(resource("history-2.json"), "2025-04-05", true);

        // experience without comment, competence without exigence, the all-empty formation, permis without exigence
        assertThat(rows("SELECT count(*) FROM experience WHERE experience_commentaire IS NULL")).containsExactly("2");
        assertThat(rows("SELECT count(*) FROM competence WHERE competence_code_exigence IS NULL")).containsExactly("1");
        assertThat(rows("SELECT count(*) FROM formation WHERE formation_code = 0")).containsExactly("1");
        assertThat(rows("SELECT count(*) FROM permisconduire")).containsExactly("2");
        // and the rows with NULLs are linked
        assertThat(rows("SELECT count(*) FROM offre_competence JOIN competence USING (competence_id)"
                + " WHERE competence_code_exigence IS NULL")).containsExactly("1");
        assertThat(rows("SELECT offre_id FROM offre_permisconduire JOIN permisconduire USING (permis_id)"
                + " WHERE permis_code_exigence IS NULL")).containsExactly("190NEWW");
    }

    @Test
    void aFailureInTheMiddleLeavesTheWarehouseExactlyAsBefore() {
        load("history-1.json", "2025-03-02");
        Map<String, List<String>> before = dump();
        execute("""
                CREATE FUNCTION test_fail_offer() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.offre_id = '1316532' THEN
                        RAISE EXCEPTION 'injected failure for offer %', NEW.offre_id;
                    END IF;
                    RETURN NEW;
                END $$""");
        execute("CREATE TRIGGER test_fail_offer BEFORE INSERT ON offre_experience FOR EACH ROW EXECUTE FUNCTION test_fail_offer()");
        try {
            // offreemploi, the dimensions and four junction tables are already written when offre_experience fails
            assertThatThrownBy(() -> load("history-2.json", "2025-04-05"))
                    .isInstanceOf(WarehouseLoadException.class)
                    .hasMessageContaining("history-2.json")
                    .hasMessageContaining("offre_experience")
                    .hasMessageContaining("injected failure for offer 1316532")
                    .hasMessageContaining("unchanged");
        } finally {
            execute("DROP TRIGGER test_fail_offer ON offre_experience");
            execute("DROP FUNCTION test_fail_offer()");
        }

        assertThat(dump()).isEqualTo(before);
        // and the next load works
        load("history-2.json", "2025-04-05");
        assertThat(rows("SELECT qualification_code FROM offre_qualification WHERE offre_id = '188LLXS'")).containsExactly("8");
    }

    /** Every foreign key of the warehouse with its definition. */
    private static List<String> foreignKeys() {
        return rows("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated"
                + " FROM pg_constraint WHERE contype = 'f' ORDER BY 1");
    }

    @Test
    void theFirstLoadEndsWithEveryForeignKeyAsTheMigrationsDefineIt() {
        List<String> before = foreignKeys();
        assertThat(before).hasSize(18);

        load("history-1.json", "2025-03-02");

        assertThat(foreignKeys()).isEqualTo(before);
        // the keys hold again: a junction row without its offer is refused
        assertThatThrownBy(() -> execute("INSERT INTO offre_competence VALUES ('no-such-offer', "
                + "(SELECT min(competence_id) FROM competence), DATE '2025-03-02')"))
                .hasMessageContaining("offre_competence_offre_id_fkey");
    }

    @Test
    void aFailedFirstLoadLeavesAnEmptyWarehouseWithItsForeignKeys() {
        List<String> before = foreignKeys();
        execute("""
                CREATE FUNCTION test_fail_offer() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'injected failure for offer %', NEW.offre_id;
                END $$""");
        execute("CREATE TRIGGER test_fail_offer BEFORE INSERT ON offre_experience FOR EACH ROW EXECUTE FUNCTION test_fail_offer()");
        try {
            assertThatThrownBy(() -> load("history-1.json", "2025-03-02"))
                    .isInstanceOf(WarehouseLoadException.class)
                    .hasMessageContaining("injected failure");
        } finally {
            execute("DROP TRIGGER test_fail_offer ON offre_experience");
            execute("DROP FUNCTION test_fail_offer()");
        }

        assertThat(foreignKeys()).isEqualTo(before);
        assertThat(rows("SELECT count(*) FROM offreemploi")).containsExactly("0");
    }

    @Test
    void unreadableAttributesBecomeNullAndAreCountedWithoutStoppingTheLoad() {
        LoadReport report = load("history-1.json", "2025-03-02");

        // 0230096: nombrePostes "beaucoup", alternance "oui", entreprise not an object
        assertThat(report.offersWithProblems()).isEqualTo(1);
        assertThat(rows("SELECT nombre_postes FROM offreemploi WHERE offre_id = '0230096'")).containsExactly("null");
        assertThat(rows("SELECT alternance FROM contrat WHERE offre_id = '0230096'")).containsExactly("null");
    }

    @Test
    void onlyAnOfferWithAnExperienceLabelGetsAnExperienceRow(@TempDir Path dir) throws Exception {
        // reference.md 5.4: an exigence or a comment without a label links to no experience
        Path history = dir.resolve("history.json");
        Files.writeString(history, """
                [{"id": "EXP0001", "intitule": "Data Engineer", "dateCreation": "2025-03-01T00:00:00.000Z",
                  "dateExtraction": "2025-03-02", "experienceExige": "S", "experienceCommentaire": "souhaitée"},
                 {"id": "EXP0002", "intitule": "Data Analyst", "dateCreation": "2025-03-01T00:00:00.000Z",
                  "dateExtraction": "2025-03-02", "experienceExige": "D", "experienceLibelle": "Débutant accepté"}]
                """);
        load(history, "2025-03-02", false);

        assertThat(rows("SELECT offre_id FROM offre_experience ORDER BY offre_id")).containsExactly("EXP0002");
        assertThat(rows("SELECT experience_libelle FROM experience")).containsExactly("Débutant accepté");
    }
}
