package fr.jobmarket.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.jobmarket.support.TestApplication;
import fr.jobmarket.support.TestDatabase;
import fr.jobmarket.support.WarehouseRoutes;
import fr.jobmarket.warehouse.LoadReport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The embedded PostgreSQL asks every connection for a password, and the service connects as a role that cannot
 * run programs, read files or load untrusted extensions. Any local account can reach 127.0.0.1: these are the
 * only doors.
 */
class EmbeddedPostgresSecurityTest {

    @TempDir
    static Path directory;
    private static Path dataDir;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() {
        dataDir = directory.resolve("data");
        server = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0, "");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void everyConnectionNeedsItsRolesPassword() throws Exception {
        for (String role : List.of(EmbeddedPostgres.SUPERUSER, EmbeddedPostgres.SERVICE_ROLE)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), role, "wrong-password").close())
                    .as("a wrong password for " + role)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), role, null).close())
                    .as("no password for " + role)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            assertThat(column(statement, "SELECT type || ' ' || auth_method || ' ' || coalesce(error, '') FROM pg_hba_file_rules"))
                    .containsExactlyInAnyOrder("local scram-sha-256 ", "host scram-sha-256 ");
            assertThat(column(statement, "SHOW password_encryption")).containsExactly("scram-sha-256");
            assertThat(column(statement, "SHOW listen_addresses")).containsExactly("127.0.0.1");
            assertThat(column(statement, "SHOW unix_socket_directories")).as("no Unix socket").containsExactly("");
        }
    }

    @Test
    void theServerCannotBeReachedThroughTheMachinesOtherAddresses() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            network.inetAddresses().filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .forEach(others::add);
        }
        assumeThat(others).as("this machine has an address besides loopback").isNotEmpty();
        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, server.port()), 2_000);
                }
            }).as("port %d on %s", server.port(), address).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theServiceRoleOwnsItsDatabaseButCannotRunProgramsReadFilesOrLoadUntrustedExtensions() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgres.SERVICE_ROLE, server.password());
             Statement statement = connection.createStatement()) {
            assertThat(column(statement, "SELECT rolsuper || ' ' || rolcreaterole || ' ' || rolcreatedb || ' ' || rolreplication"
                    + " FROM pg_roles WHERE rolname = current_user")).containsExactly("false false false false");
            assertThat(column(statement, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                    .containsExactly(EmbeddedPostgres.SERVICE_ROLE);
            for (String forbidden : List.of("COPY (SELECT 1) TO PROGRAM 'id'",
                    "COPY (SELECT 1) TO '" + directory.resolve("written-by-the-database") + "'",
                    "SELECT pg_read_file('" + dataDir.resolve(EmbeddedRoles.SUPERUSER_PASSWORD_FILE) + "')",
                    "CREATE EXTENSION file_fdw",
                    "CREATE EXTENSION dblink")) {
                assertThatThrownBy(() -> statement.execute(forbidden)).as(forbidden)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                .as("permission denied: " + e.getMessage()).isEqualTo("42501"));
            }
        }
        assertThat(directory.resolve("written-by-the-database")).doesNotExist();
    }

    @Test
    void thePasswordsAreStrongDistinctAndReadableByTheirOwnerOnly() throws Exception {
        Path superuserFile = dataDir.resolve(EmbeddedRoles.SUPERUSER_PASSWORD_FILE);
        Path serviceFile = dataDir.resolve(EmbeddedRoles.PASSWORD_FILE);
        Path pgpass = dataDir.resolve(EmbeddedRoles.PGPASS_FILE);
        for (Path file : List.of(superuserFile, serviceFile, pgpass)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
        }
        for (Path directory : List.of(dataDir, dataDir.resolve("postgres"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).as(directory.toString())
                    .isEqualTo("rwx------");
        }
        assertThat(Files.readString(serviceFile).strip()).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Files.readString(superuserFile).strip()).isEqualTo(server.superuserPassword()).hasSizeGreaterThanOrEqualTo(43)
                .isNotEqualTo(server.password());
        assertThat(Files.readString(pgpass)).isEqualTo("127.0.0.1:" + server.port() + ":jobmarket:jobmarket:" + server.password() + "\n");
    }

    @Test
    void thePsqlCommandOfTheLogConnectsWithoutShowingThePassword() throws Exception {
        assertThat(server.psqlCommand()).doesNotContain(server.password())
                .isEqualTo("PGPASSFILE=" + dataDir.resolve("postgres.pgpass") + " psql -h 127.0.0.1 -p " + server.port()
                        + " -U jobmarket jobmarket");
        assumeThat(onPath("psql")).as("psql is installed").isTrue();

        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", server.psqlCommand() + " -w -A -t -c 'SELECT current_user'")
                .redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        builder.environment().remove("PGPASSFILE");
        Process psql = builder.start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(psql.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(psql.exitValue()).as(output).isZero();
        assertThat(output.strip()).isEqualTo("jobmarket");
    }

    @Test
    void aClusterCreatedByAnOlderVersionIsSecuredAndKeepsItsDataAndItsLoads(@TempDir Path oldDataDir) throws Exception {
        int port = TestApplication.freePort();
        String cluster = oldDataDir.resolve("postgres").toString();
        // as versions without passwords created and used it: trust, objects created by the superuser
        Path bin = EmbeddedPostgresBinaries.unpack().resolve("bin");
        EmbeddedPostgres.run(60, bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", cluster,
                "-E", "UTF-8", "--locale=C.UTF-8", "--no-sync");
        EmbeddedPostgres.run(90, bin.resolve("pg_ctl").toString(), "-D", cluster, "-w", "-t", "60",
                "-l", oldDataDir.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/jobmarket";
        try {
            try (Connection connection = superuser("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "")) {
                connection.createStatement().execute("CREATE DATABASE jobmarket");
            }
            // an older schema: the next migrations must alter tables the superuser created
            Flyway.configure().dataSource(url, "postgres", "").locations("classpath:sql/migration").target("3").load().migrate();
            try (Connection connection = superuser(url, "")) {
                connection.createStatement().execute("INSERT INTO offreemploi (offre_id, nombre_postes) VALUES ('OLD0001', 3)");
            }
        } finally {
            EmbeddedPostgres.run(30, bin.resolve("pg_ctl").toString(), "-D", cluster, "stop", "-m", "fast", "-w");
        }

        Database database = Database.open(TestDatabase.settings(Map.of("jobmarket.data.dir", oldDataDir.toString(),
                "jobmarket.db.embedded-port", Integer.toString(port))));
        try (WarehouseRoutes warehouse = WarehouseRoutes.start(database.dataSource(), TestDatabase.settings(Map.of()))) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close()).as("trust is gone")
                    .isInstanceOf(SQLException.class);
            try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                assertThat(column(statement, "SELECT current_user")).containsExactly("jobmarket");
                assertThat(column(statement, "SELECT nombre_postes FROM offreemploi WHERE offre_id = 'OLD0001'")).containsExactly("3");
                assertThat(column(statement, "SELECT max(version::int) FROM flyway_schema_history"))
                        .containsExactly(Integer.toString(newestMigration()));
                assertThat(column(statement, "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class"
                        + " WHERE relnamespace = 'public'::regnamespace")).containsExactly("jobmarket");
                assertThat(column(statement, "SELECT DISTINCT pg_get_userbyid(proowner) FROM pg_proc"
                        + " WHERE pronamespace = 'public'::regnamespace")).containsExactly("jobmarket");
            }
            // COPY into the staging tables, TRUNCATE, ANALYZE, the advisory lock: all as the service role
            LoadReport report = warehouse.load(warehouseHistory(), LocalDate.parse("2025-03-02"));
            assertThat(report.table("offreemploi").inserted()).isEqualTo(4);
        } finally {
            database.close();
        }
    }

    @Test
    void deletingTheSuperusersPasswordFileGivesItANewPasswordAtTheNextStart(@TempDir Path dir) throws Exception {
        Path cluster = dir.resolve("postgres");
        String before;
        try (EmbeddedPostgres first = EmbeddedPostgres.start(cluster, 0, "")) {
            before = first.superuserPassword();
        }
        Files.delete(dir.resolve(EmbeddedRoles.SUPERUSER_PASSWORD_FILE));

        try (EmbeddedPostgres second = EmbeddedPostgres.start(cluster, 0, "")) {
            String url = "jdbc:postgresql://127.0.0.1:" + second.port() + "/postgres";
            assertThat(second.superuserPassword()).isNotEqualTo(before);
            superuser(url, second.superuserPassword()).close();
            assertThatThrownBy(() -> superuser(url, before).close()).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void aPasswordFromTheSettingIsUsedButNeverLoggedNorWritten(@TempDir Path dir) throws Exception {
        String password = "a-password-from-the-environment-1234";
        Path data = dir.resolve("data");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (TestApplication app = TestApplication.start(Map.of("jobmarket.data.dir", data.toString(),
                "jobmarket.db.embedded-password", password))) {
            int port = app.application().database().embedded().port();
            try (Connection connection = DriverManager.getConnection(app.application().database().embedded().jdbcUrl(),
                    "jobmarket", password)) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(app.get("/observe/health").body()).contains("\"status\":\"UP\"");
            assertThat(app.application().settings().toString()).doesNotContain(password);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).endsWith("password in the setting jobmarket.db.embedded-password"
                            + " (JOBMARKET_DB_EMBEDDED_PASSWORD); psql: psql -h 127.0.0.1 -p " + port + " -U jobmarket jobmarket"))
                    .noneSatisfy(line -> assertThat(line).contains(password));
        } finally {
            root.detachAppender(logs);
        }
        assertThat(data.resolve(EmbeddedRoles.PASSWORD_FILE)).doesNotExist();
        assertThat(data.resolve(EmbeddedRoles.PGPASS_FILE)).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(data)) { // the cluster keeps a SCRAM verifier, never the password
            assertThat(files.filter(file -> Files.isRegularFile(file) && !file.startsWith(data.resolve("postgres"))))
                    .as("no file holds the password").noneSatisfy(file ->
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains(password));
        }
    }

    @Test
    void aShortPasswordStopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> TestApplication.start(Map.of("jobmarket.db.embedded-password", "short-secret")))
                .isInstanceOf(StartupException.class)
                .hasMessage("Setting jobmarket.db.embedded-password (JOBMARKET_DB_EMBEDDED_PASSWORD) is (hidden):"
                        + " expected empty (a generated password) or at least 16 characters.");
    }

    @Test
    void anExternalDatabaseIsUsedWithItsOwnUserAndPasswordAndNoServerStarts(@TempDir Path dir) throws Exception {
        Database database = Database.open(TestDatabase.settings(Map.of("jobmarket.data.dir", dir.toString(),
                "jobmarket.db.url", server.jdbcUrl(), "jobmarket.db.user", "jobmarket",
                "jobmarket.db.password", server.password())));
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            assertThat(database.embedded()).isNull();
            assertThat(column(statement, "SELECT current_user")).containsExactly("jobmarket");
        } finally {
            database.close();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("nothing of the embedded server").isEmpty();
        }
    }

    private static Connection superuser(String database) throws SQLException {
        return superuser("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, server.superuserPassword());
    }

    private static Connection superuser(String url, String password) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgres.SUPERUSER, password);
    }

    private static List<String> column(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Path warehouseHistory() throws Exception {
        return Path.of(EmbeddedPostgresSecurityTest.class.getResource("/warehouse/history-1.json").toURI());
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    /** The version of the newest migration file: an old cluster must reach it. */
    private static int newestMigration() throws Exception {
        try (var files = Files.list(Path.of(EmbeddedPostgresSecurityTest.class.getResource("/sql/migration").toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
        }
    }
}
