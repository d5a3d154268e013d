package fr.jobmarket.warehouse;

import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.jobmarket.warehouse.WarehouseTables.execute;
import static fr.jobmarket.warehouse.WarehouseTables.load;
import static fr.jobmarket.warehouse.WarehouseTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offers outside a load are reclassified only when the classification changed since the last load. */
class ReclassifierTest {

    private static final Classification ORIGINAL = new Classification(ClassificationMode.ORIGINAL);
    private static final Classification IMPROVED = new Classification(ClassificationMode.IMPROVED);

    @BeforeEach
    void emptyWarehouse() {
        TestDatabase.truncateAll();
        execute("DELETE FROM classification_state");
    }

    @Test
    void leavesOffersOutsideTheLoadUntouchedAndUnreadWhenTheClassificationIsUnchanged() {
        load("history-1.json", "2025-03-02", "improved");
        // 176EARL is outside the next load (older extraction); 188LLXS is in it
        execute("UPDATE descriptionoffre SET metier_data = 'DS', liste_mots_cles = '{stale}'"
                + " WHERE offre_id IN ('176EARL', '188LLXS')");

        LoadReport report = load("history-2.json", "2025-04-05", "improved");

        assertThat(report.offersRechecked()).isZero();
        assertThat(report.offersReclassified()).isZero();
        assertThat(report.table("descriptionoffre").updated()).isEqualTo(1); // 188LLXS's stale class, not 176EARL's
        assertThat(rows("SELECT metier_data, liste_mots_cles FROM descriptionoffre WHERE offre_id = '176EARL'"))
                .containsExactly("DS|{stale}");
        // an offer of the load is always classified from its current title and description
        assertThat(rows("SELECT metier_data, liste_mots_cles FROM descriptionoffre WHERE offre_id = '188LLXS'"))
                .containsExactly(IMPROVED.metierData("Technicien de gestion de données (H/F)") + "|null");
    }

    @Test
    void reclassifiesEveryOfferWhenTheModeChanges() {
        load("history-1.json", "2025-03-02", "improved");
        execute("UPDATE descriptionoffre SET metier_data = 'DS', liste_mots_cles = '{stale}' WHERE offre_id = '176EARL'");

        LoadReport report = load("history-2.json", "2025-04-05", "original");

        assertThat(report.offersSkipped()).isEqualTo(1);
        assertThat(report.offersRechecked()).isEqualTo(1);
        assertThat(report.offersReclassified()).isEqualTo(1);
        assertThatEveryOfferIsClassifiedBy(ORIGINAL);
        assertThat(rows("SELECT fingerprint FROM classification_state")).containsExactly(ORIGINAL.fingerprint());
    }

    @Test
    void aFailedLoadKeepsThePreviousClassesAndFingerprintSoTheNextLoadReclassifiesAgain() {
        load("history-1.json", "2025-03-02", "improved");
        execute("UPDATE descriptionoffre SET metier_data = 'DS', liste_mots_cles = '{stale}' WHERE offre_id = '176EARL'");
        execute("ALTER TABLE offre_qualification ADD CONSTRAINT test_no_code_8 CHECK (qualification_code <> 8)");
        try {
            // the reclassification and the offers' own changes are in the same transaction as the failing table
            assertThatThrownBy(() -> load("history-2.json", "2025-04-05", "original"))
                    .isInstanceOf(WarehouseLoadException.class).hasMessageContaining("test_no_code_8");
        } finally {
            execute("ALTER TABLE offre_qualification DROP CONSTRAINT test_no_code_8");
        }
        assertThat(rows("SELECT metier_data, liste_mots_cles FROM descriptionoffre WHERE offre_id = '176EARL'"))
                .containsExactly("DS|{stale}");
        assertThat(rows("SELECT fingerprint FROM classification_state")).containsExactly(IMPROVED.fingerprint());

        LoadReport report = load("history-2.json", "2025-04-05", "original");

        assertThat(report.offersReclassified()).isEqualTo(1);
        assertThatEveryOfferIsClassifiedBy(ORIGINAL);
    }

    private static void assertThatEveryOfferIsClassifiedBy(Classification classification) {
        List<String> stored = rows("SELECT offre_id, metier_data, array_to_string(liste_mots_cles, ','), intitule_offre, description_offre"
                + " FROM descriptionoffre ORDER BY offre_id");
        assertThat(stored).hasSize(5).allSatisfy(row -> {
            String[] columns = row.split("\\|", -1);
            String title = columns[3].equals("null") ? null : columns[3];
            String description = columns[4].equals("null") ? null : columns[4];
            String metierData = classification.metierData(title);
            List<String> keywords = classification.keywords(description, metierData);
            assertThat(columns[1] + "|" + columns[2]).as(columns[0]).isEqualTo(metierData + "|"
                    + (keywords.isEmpty() ? "null" : String.join(",", keywords)));
        });
    }
}
