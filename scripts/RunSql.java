import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs one SQL script (statements separated by ";" at line ends) on a JDBC URL as the embedded database's role
 * jobmarket, whose password the driver reads from the pgpass file the service writes:
 * PGPASSFILE=<data dir>/postgres.pgpass java -cp <driver> RunSql.java url file
 */
public class RunSql {
    public static void main(String[] args) throws Exception {
        String script = Files.readString(Path.of(args[1]));
        try (Connection connection = DriverManager.getConnection(args[0], "jobmarket", null);
             Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                if (!sql.strip().replaceAll("(?m)^--.*$", "").isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }
}
