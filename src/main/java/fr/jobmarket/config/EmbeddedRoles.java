package fr.jobmarket.config;

import org.postgresql.PGConnection;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static fr.jobmarket.config.EmbeddedPostgres.DATABASE;
import static fr.jobmarket.config.EmbeddedPostgres.SERVICE_ROLE;
import static fr.jobmarket.config.EmbeddedPostgres.SUPERUSER;

/**
 * The two roles of the embedded PostgreSQL and their passwords. The superuser only bootstraps: it creates the
 * service role, which owns the database and everything in it and is the role the service connects as, so that
 * a flaw in the service cannot run programs ({@code COPY ... TO PROGRAM}) or read files on the machine.
 *
 * <p>Both passwords are generated into owner-only files beside the cluster, in the service's data directory.
 * The service role's may come from {@code jobmarket.db.embedded-password} instead, and is then written nowhere.
 * A generated one is also written into a pgpass file, so that the {@code psql} command of the log needs no
 * password on its command line.
 */
final class EmbeddedRoles {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRoles.class);

    static final String SUPERUSER_PASSWORD_FILE = "postgres-superuser-password";
    static final String PASSWORD_FILE = "postgres-jobmarket-password";
    static final String PGPASS_FILE = "postgres.pgpass";
    static final String PASSWORD_SETTING = "jobmarket.db.embedded-password";

    private final Path directory;
    private final String superuserPassword;
    private final boolean superuserPasswordIsNew;
    private final String password;
    private final boolean passwordFromSetting;

    private EmbeddedRoles(Path directory, String superuserPassword, boolean superuserPasswordIsNew, String password,
            boolean passwordFromSetting) {
        this.directory = directory;
        this.superuserPassword = superuserPassword;
        this.superuserPasswordIsNew = superuserPasswordIsNew;
        this.password = password;
        this.passwordFromSetting = passwordFromSetting;
    }

    /**
     * @param directory          the service's data directory, which holds the cluster
     * @param configuredPassword the service role's password from the settings, empty to use the generated one
     */
    static EmbeddedRoles load(Path directory, String configuredPassword) throws IOException {
        Path superuserFile = directory.resolve(SUPERUSER_PASSWORD_FILE);
        boolean superuserPasswordIsNew = !Files.exists(superuserFile);
        String superuserPassword = SecretFile.readOrGenerate(superuserFile);
        if (configuredPassword.isEmpty()) {
            return new EmbeddedRoles(directory, superuserPassword, superuserPasswordIsNew,
                    SecretFile.readOrGenerate(directory.resolve(PASSWORD_FILE)), false);
        }
        // a file holding a password the server no longer accepts would only mislead
        for (Path stale : new Path[] {directory.resolve(PASSWORD_FILE), directory.resolve(PGPASS_FILE)}) {
            if (Files.deleteIfExists(stale)) {
                LOG.info("Removed {}: the database password is now the setting {}", stale, PASSWORD_SETTING);
            }
        }
        return new EmbeddedRoles(directory, superuserPassword, superuserPasswordIsNew, configuredPassword, true);
    }

    /** True when the superuser's password file was just created: the cluster does not know that password yet. */
    boolean superuserPasswordIsNew() {
        return superuserPasswordIsNew;
    }

    /** The statement that gives the superuser its password, carrying a SCRAM verifier rather than the password. */
    String superuserPasswordStatement() throws IOException {
        try {
            return PasswordUtil.genAlterUserPasswordSQL(SUPERUSER, superuserPassword.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new IOException("cannot encode the superuser's password: " + e.getMessage(), e);
        }
    }

    /**
     * On the running server, as the superuser: the service role with its current password, the database it owns,
     * and the objects that versions connecting as the superuser created in that database handed over to it.
     */
    void bootstrap(int port) throws IOException {
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try {
            try (Connection connection = DriverManager.getConnection(server + "postgres", SUPERUSER, superuserPassword)) {
                if (!exists(connection, "embedded/select-role.sql", SERVICE_ROLE)) {
                    execute(connection, "embedded/create-role.sql");
                }
                connection.unwrap(PGConnection.class).alterUserPassword(SERVICE_ROLE, password.toCharArray(), "scram-sha-256");
                execute(connection, exists(connection, "embedded/select-database.sql", DATABASE)
                        ? "embedded/alter-database-owner.sql" : "embedded/create-database.sql");
            }
            try (Connection connection = DriverManager.getConnection(server + DATABASE, SUPERUSER, superuserPassword)) {
                execute(connection, "embedded/transfer-ownership.sql");
            }
        } catch (SQLException e) {
            String advice = "28P01".equals(e.getSQLState()) ? " (if the superuser's password was changed by hand, delete "
                    + directory.resolve(SUPERUSER_PASSWORD_FILE) + ": the next start sets a new one)" : "";
            throw new IOException("cannot set up the role " + SERVICE_ROLE + " and its database: " + e.getMessage() + advice, e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SqlFiles.load(query))) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SqlFiles.load(file));
        }
    }

    /** A pgpass line for the generated password of the service role, rewritten at each start for the current port. */
    void writePgpass(int port) throws IOException {
        if (!passwordFromSetting) {
            String escaped = password.replace("\\", "\\\\").replace(":", "\\:");
            SecretFile.write(directory.resolve(PGPASS_FILE),
                    "127.0.0.1:" + port + ":" + DATABASE + ":" + SERVICE_ROLE + ":" + escaped + "\n");
        }
    }

    /** For the log: a psql command that connects without showing the password. */
    String psqlCommand(int port) {
        String psql = "psql -h 127.0.0.1 -p " + port + " -U " + SERVICE_ROLE + " " + DATABASE;
        return passwordFromSetting ? psql : "PGPASSFILE=" + shellWord(directory.resolve(PGPASS_FILE).toString()) + " " + psql;
    }

    /** For the log: where the service role's password is. */
    String passwordSource() {
        return passwordFromSetting ? "the setting " + PASSWORD_SETTING + " (" + Settings.environmentVariable(PASSWORD_SETTING) + ")"
                : directory.resolve(PASSWORD_FILE).toString();
    }

    String password() {
        return password;
    }

    String superuserPassword() {
        return superuserPassword;
    }

    private static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_@%+=:,./-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
