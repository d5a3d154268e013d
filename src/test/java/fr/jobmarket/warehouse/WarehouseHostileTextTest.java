package fr.jobmarket.warehouse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static fr.jobmarket.warehouse.WarehouseTables.load;
import static org.assertj.core.api.Assertions.assertThat;

class WarehouseHostileTextTest {

    private static final String QUOTES = "O'Reilly \"cité\" 100% _tout_ C:\\chemin\\N \\N fin";
    private static final String SQL = "'); DROP TABLE offreemploi; -- $$ \\copy";
    private static final String LAYOUT = "ligne 1\nligne 2\r\n\tindentée";
    private static final String EMOJI = "Data 🚀 Engineer 👩‍💻 ✓";
    private static final String LONG = "é".repeat(150_000) + "🚀";

    @BeforeEach
    void emptyWarehouse() {
        TestDatabase.truncateAll();
    }

    @Test
    void storesHostileStringsIntactAndStripsNulCharacters() throws Exception {
        ObjectNode offer = JsonArrayFiles.MAPPER.createObjectNode();
        offer.put("id", "HOSTILE");
        offer.put("intitule", EMOJI);
        offer.put("description", LONG);
        offer.put("secteurActiviteLibelle", SQL);
        offer.put("complementExercice", LAYOUT);
        offer.put("conditionExercice", "a\u0000b\u0000");
        offer.putObject("entreprise").put("nom", QUOTES);
        ArrayNode competences = offer.putArray("competences");
        competences.addObject().put("code", "1").put("libelle", QUOTES).put("exigence", "E");
        competences.addObject().put("code", "2").put("libelle", SQL).put("exigence", "E");
        competences.addObject().put("code", "3").put("libelle", "%").put("exigence", "_");
        offer.putArray("qualitesProfessionnelles").addObject().put("libelle", EMOJI).put("description", LAYOUT);
        offer.put("dateExtraction", "2025-03-02");
        Path history = write(offer);

        LoadReport report = load(history, "2025-03-02", false);

        assertThat(report.nulCharactersRemoved()).isEqualTo(2);
        assertThat(text("SELECT intitule_offre FROM descriptionoffre")).containsExactly(EMOJI);
        assertThat(text("SELECT description_offre FROM descriptionoffre")).containsExactly(LONG);
        assertThat(text("SELECT secteur_activite_libelle FROM entreprise")).containsExactly(SQL);
        assertThat(text("SELECT nom_entreprise FROM entreprise")).containsExactly(QUOTES);
        assertThat(text("SELECT temps_travail FROM contrat")).containsExactly(LAYOUT);
        assertThat(text("SELECT condition_specifique FROM contrat")).containsExactly("ab");
        assertThat(text("SELECT competence_libelle FROM competence ORDER BY competence_code")).containsExactly(QUOTES, SQL, "%");
        assertThat(text("SELECT competence_code_exigence FROM competence WHERE competence_code = 3")).containsExactly("_");
        assertThat(text("SELECT qualite_professionnelle_description FROM qualiteprofessionnelle")).containsExactly(LAYOUT);
        assertThat(text("SELECT count(*)::text FROM offre_competence")).containsExactly("3");

        // the same hostile history again: nothing duplicated, nothing changed
        LoadReport again = load(history, "2025-03-02", false);
        assertThat(again.tables().values()).allSatisfy(counts -> assertThat(counts).isEqualTo(new LoadReport.TableCounts(0, 0, 0)));
    }

    private static Path write(ObjectNode... offers) throws Exception {
        Path file = TestDatabase.newDirectory().resolve("history.json");
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(file)) {
            for (ObjectNode offer : offers) {
                writer.write(offer);
            }
            writer.commit();
        }
        return file;
    }

    private static List<String> text(String sql) throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
