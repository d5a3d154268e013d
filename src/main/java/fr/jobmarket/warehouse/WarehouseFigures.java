package fr.jobmarket.warehouse;

import fr.jobmarket.config.SqlFiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Offers in the warehouse by metier_data ("none" for unclassified) and offers of the latest extraction. */
public final class WarehouseFigures {

    public record Offers(Map<String, Long> byMetierData, long available) {
    }

    private final DataSource dataSource;

    public WarehouseFigures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The greatest date_extraction of the warehouse, or null when it is empty. */
    public java.time.LocalDate latestExtraction() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SqlFiles.load("warehouse/latest-extraction-date.sql"));
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getObject(1, java.time.LocalDate.class);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the latest extraction date: " + e.getMessage(), e);
        }
    }

    public Offers offers() {
        Map<String, Long> byMetierData = new LinkedHashMap<>();
        long available = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SqlFiles.load("warehouse/count-offers-by-metier-data.sql"));
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byMetierData.put(rows.getString("metier_data"), rows.getLong("offers"));
                available += rows.getLong("available");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the warehouse offers: " + e.getMessage(), e);
        }
        return new Offers(byMetierData, available);
    }
}
