package fr.jobmarket.warehouse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static fr.jobmarket.warehouse.WarehouseTables.load;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly salary bounds read from salaire_libelle (migration V8, reference 6.3 with its fixes), through the
 * real PostgreSQL function and the generated columns of contrat.
 */
class SalaryRuleTest {

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # the worked examples of reference 6.3
            Mensuel de 5880,00 Euros à 8085,00 Euros             | 70560  | 97020
            Mensuel de 3136.0 Euros sur 12.0 mois                | 37632  | 37632
            Annuel de 60000,00 Euros à 40000,00 Euros            | 40000  | 60000
            Annuel de 75000,00 Euros à 90000,00 Euros            | 75000  | 90000
            Annuel de 25200.0 Euros sur 12.0 mois                | 25200  | 25200
            Mensuel de 850,00 Euros à 950,00 Euros               | NULL   | NULL
            Annuel de 19000,00 Euros à 19000,00 Euros            | NULL   | NULL
            Mensuel de 352800,00 Euros à 411600,00 Euros         | NULL   | NULL
            # the period declared does not matter, the amounts do
            Annuel de 1800,00 Euros à 2000,00 Euros              | 21600  | 24000
            Mensuel de 45000.0 Euros à 50000.0 Euros sur 12.0 mois | 45000 | 50000
            # rule 1 as intended: an inverted monthly range is swapped and made yearly (the original kept 4200 / 5500)
            Mensuel de 5500.0 Euros à 4200.0 Euros sur 12.0 mois | 50400  | 66000
            # thousands separators: the original read 45.000 as 45 (then 450)
            Annuel de 45.000 Euros à 55.000 Euros                | 45000  | 55000
            Annuel de 45 000,00 Euros à 55 000,00 Euros          | 45000  | 55000
            Mensuel de 2.500,50 Euros                            | 30000  | 30000
            Cachet de 2000 Euros à 3000 Euros                    | 24000  | 36000
            Autre de 30000,00 Euros à 400000,00 Euros            | NULL   | NULL
            De 13,00 Euros à 14,00 Euros                         | NULL   | NULL
            Annuel de 1000,00 Euros                              | NULL   | NULL
            Mensuel de 12,00 Euros                               | NULL   | NULL
            Annuel de 550000.0 Euros sur 12.0 mois               | NULL   | NULL
            # texts the rule does not read
            Annuel de                                            | NULL   | NULL
            Horaire de 11.88 Euros sur 151.67 heures             | NULL   | NULL
            Selon profil                                         | NULL   | NULL
            Mensuel de 99999999999999999999 Euros à 1 Euros      | NULL   | NULL
            Annuel de Euros à Euros                              | NULL   | NULL
            """)
    void readsTheYearlyBounds(String libelle, Integer min, Integer max) throws SQLException {
        assertThat(salary(libelle, false)).containsExactly(min, max);
    }

    @Test
    void workStudyAndMissingTextsHaveNoSalary() throws SQLException {
        assertThat(salary("Annuel de 25200.0 Euros sur 12.0 mois", true)).containsExactly(null, null);
        assertThat(salary(null, false)).containsExactly(null, null);
    }

    @Test
    void theLoadStoresTheBoundsBesideTheText() throws Exception {
        TestDatabase.truncateAll();
        ObjectNode offer = JsonArrayFiles.MAPPER.createObjectNode().put("id", "SAL1").put("dateExtraction", "2025-03-02");
        offer.putObject("salaire").put("libelle", "Mensuel de 3136.0 Euros sur 12.0 mois");
        Path history = Files.createTempFile("salaries", ".json");
        Files.writeString(history, JsonArrayFiles.MAPPER.writeValueAsString(List.of(offer)));

        load(history, "2025-03-02", false);

        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT salaire_bornes[1], salaire_bornes[2] FROM contrat WHERE offre_id = 'SAL1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(List.of(rows.getInt(1), rows.getInt(2))).containsExactly(37632, 37632);
        }
    }

    private static List<Integer> salary(String libelle, boolean alternance) throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT salaire_annuel(?, ?)")) {
            select.setString(1, libelle);
            select.setBoolean(2, alternance);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                Array bounds = rows.getArray(1);
                List<Integer> values = new ArrayList<>();
                if (bounds == null) {
                    values.add(null);
                    values.add(null);
                } else {
                    for (Object value : (Object[]) bounds.getArray()) {
                        values.add((Integer) value);
                    }
                }
                return values;
            }
        }
    }
}
