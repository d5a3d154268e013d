package fr.jobmarket.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from the binaries that zonky ships in Maven jars, with its data under
 * the product's data directory so that it survives restarts.
 *
 * <p>Why not zonky's own launcher: PostgreSQL refuses to run as root, and CI and containers run as
 * root. When the process is root, the PostgreSQL programs run inside a new user namespace (util-linux
 * {@code unshare --user}) where they are an unprivileged user that still owns the files it creates.
 * The server listens on 127.0.0.1 only, with no Unix socket, and asks every connection for its role's password
 * (SCRAM); the service connects as a role that is no superuser ({@link EmbeddedRoles}).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    public static final String DATABASE = "jobmarket";
    public static final String SUPERUSER = "postgres";
    /** The role the service connects as: it owns the database, and is no superuser. */
    public static final String SERVICE_ROLE = "jobmarket";

    /** Who may connect: anyone who knows a role's password, from this machine only. */
    static final String HBA = """
            # Written by jobmarket (EmbeddedPostgres), and written again at start-up if it differs:
            # every connection needs its role's password. The server listens on 127.0.0.1 only and has
            # no Unix socket; the local line stands guard all the same. No replication connections.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private final Path dataDirectory;
    private final Path binaries;
    private final int port;
    private final EmbeddedRoles roles;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean running;

    private EmbeddedPostgres(Path dataDirectory, Path binaries, int port, EmbeddedRoles roles, FileChannel lockChannel,
            FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.port = port;
        this.roles = roles;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the cluster on first use.
     *
     * @param port     TCP port on 127.0.0.1, 0 for any free port
     * @param password the service role's password, empty for the one generated beside {@code dataDirectory}
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port, String password) {
        try {
            SecretFile.createDirectories(dataDirectory.getParent());
            FileChannel channel = FileChannel.open(dataDirectory.resolveSibling("postgres.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StartupException("The embedded database " + dataDirectory
                        + " is in use by another jobmarket process: stop it or choose another jobmarket.data.dir"
                        + " (JOBMARKET_DATA_DIR).");
            }
            Path binaries = EmbeddedPostgresBinaries.unpack();
            // before the port check: a server orphaned by a killed process still holds our own port
            stopOrphanedServer(dataDirectory, binaries);
            int chosenPort = port == 0 ? freePort() : requireFreePort(port);
            EmbeddedRoles roles = EmbeddedRoles.load(dataDirectory.getParent(), password);
            EmbeddedPostgres server = new EmbeddedPostgres(dataDirectory, binaries, chosenPort, roles, channel, lock);
            try {
                server.startServer();
            } catch (IOException | RuntimeException e) {
                server.close(); // a server that started but cannot be used must not outlive the error
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new StartupException("Cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM already
        }
    }

    /** We hold the data directory's lock, so a server still running there was orphaned by a killed process. */
    private static void stopOrphanedServer(Path dataDirectory, Path binaries) {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            LOG.warn("Stopping an embedded PostgreSQL left running by a previous process");
            runQuietly(binaries.resolve("bin").resolve("pg_ctl").toString(), "-D", dataDirectory.toString(),
                    "stop", "-m", "immediate", "-w", "-t", "20");
        }
    }

    private void startServer() throws IOException {
        long started = System.nanoTime();
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            LOG.info("Creating the embedded PostgreSQL cluster in {}", dataDirectory);
            // trust lasts until requirePasswords() below, before the server ever starts
            run(60, bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", dataDirectory.toString(), "-E", "UTF-8",
                    "--locale=C.UTF-8", "--no-sync");
        }
        requirePasswords();
        run(90, bin("pg_ctl"), "-D", dataDirectory.toString(), "-w", "-t", "60",
                "-l", dataDirectory.resolveSibling("postgres.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c timezone=UTC"
                        + " -c max_connections=100 -c fsync=on -c password_encryption=scram-sha-256",
                "start");
        running = true;
        roles.bootstrap(port);
        roles.writePgpass(port);
        LOG.info("Embedded PostgreSQL ready in {} ms: {} as {}, password in {}; psql: {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), jdbcUrl(), SERVICE_ROLE, roles.passwordSource(),
                roles.psqlCommand(port));
    }

    /**
     * A cluster that initdb has just created, or that a version from before passwords were required created, trusts
     * every local connection. Before its server starts, the superuser gets its password, in single-user mode (no
     * connection, so no moment when anyone could connect without a password), then pg_hba.conf asks every
     * connection for a password. Also done when the superuser's password file has been deleted.
     */
    private void requirePasswords() throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (HBA.equals(Files.readString(hba)) && !roles.superuserPasswordIsNew()) {
            return;
        }
        LOG.info("Requiring passwords in the embedded PostgreSQL cluster {}: setting the superuser's password, rewriting"
                + " pg_hba.conf", dataDirectory);
        // no STATEMENT line in the output, which an error would show: the statement carries the password's verifier
        runWithInput(60, roles.superuserPasswordStatement() + "\n", bin("postgres"), "--single", "-D", dataDirectory.toString(),
                "-F", "-c", "exit_on_error=on", "-c", "log_min_error_statement=panic", "postgres");
        Files.writeString(hba, HBA);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The service role's password. */
    public String password() {
        return roles.password();
    }

    /** For tests and maintenance: the superuser's. */
    String superuserPassword() {
        return roles.superuserPassword();
    }

    /** The command the log gives: psql as the service role, its password read from a pgpass file. */
    public String psqlCommand() {
        return roles.psqlCommand(port);
    }

    /** Fast shutdown: open transactions roll back, the server stops within seconds. */
    public synchronized void stop() {
        if (running) {
            running = false;
            try {
                run(30, bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t", "20");
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException | RuntimeException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debug("Releasing the embedded database lock", e);
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    // --- processes ---

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // PostgreSQL refuses uid 0; in a fresh user namespace it runs as an unprivileged user.
            command.addAll(List.of("unshare", "--user"));
        }
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Own session: Ctrl-C in the terminal reaches the JVM, which then stops the server in order.
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(args));
        return command;
    }

    /** Package-private for the test that recreates a cluster as older versions left it. */
    static void run(int timeoutSeconds, String... args) throws IOException {
        runWithInput(timeoutSeconds, "", args);
    }

    /** Runs a PostgreSQL program to its end with {@code input} on its standard input; its output tells why it failed. */
    private static void runWithInput(int timeoutSeconds, String input, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("PGPASSWORD");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(Path.of(args[0]).getFileName() + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(Path.of(args[0]).getFileName() + " failed (exit " + process.exitValue() + "): "
                    + output.strip().replace('\n', ' '));
        }
    }

    private static void runQuietly(String... args) {
        try {
            run(30, args);
        } catch (IOException e) {
            LOG.debug("ignored: {}", e.getMessage());
        }
    }

    static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false; // not a Unix system
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupException("Port " + port + " of the embedded database is in use: set"
                    + " jobmarket.db.embedded-port (JOBMARKET_DB_EMBEDDED_PORT) to a free port, or 0 for any.");
        }
    }
}
