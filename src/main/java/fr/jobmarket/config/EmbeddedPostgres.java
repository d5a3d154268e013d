package fr.jobmarket.config;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from the binaries that zonky ships in Maven jars, with its data under
 * the product's data directory so that it survives restarts.
 *
 * <p>Why not zonky's own launcher: PostgreSQL refuses to run as root, and CI and containers run as
 * root. When the process is root, initdb and pg_ctl run inside a new user namespace (util-linux
 * {@code unshare --user}) where they are an unprivileged user that still owns the files it creates.
 * The server listens on 127.0.0.1 only, with no Unix socket.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    public static final String DATABASE = "jobmarket";
    public static final String SUPERUSER = "postgres";

    private final Path dataDirectory;
    private final Path binaries;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean running;

    private EmbeddedPostgres(Path dataDirectory, Path binaries, int port, FileChannel lockChannel, FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the cluster on first use.
     *
     * @param port TCP port on 127.0.0.1, 0 for any free port
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            FileChannel channel = FileChannel.open(dataDirectory.resolveSibling("postgres.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StartupException("The embedded database " + dataDirectory
                        + " is in use by another jobmarket process: stop it or choose another jobmarket.data.dir"
                        + " (JOBMARKET_DATA_DIR).");
            }
            Path binaries = unpackBinaries();
            // before the port check: a server orphaned by a killed process still holds our own port
            stopOrphanedServer(dataDirectory, binaries);
            int chosenPort = port == 0 ? freePort() : requireFreePort(port);
            EmbeddedPostgres server = new EmbeddedPostgres(dataDirectory, binaries, chosenPort, channel, lock);
            server.startServer();
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
            run(60, bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", dataDirectory.toString(), "-E", "UTF-8",
                    "--locale=C.UTF-8", "--no-sync");
        }
        run(90, bin("pg_ctl"), "-D", dataDirectory.toString(), "-w", "-t", "60",
                "-l", dataDirectory.resolveSibling("postgres.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c timezone=UTC"
                        + " -c max_connections=100 -c fsync=on",
                "start");
        running = true;
        createDatabase();
        LOG.info("Embedded PostgreSQL ready in {} ms: {} (user {}, no password; psql -h 127.0.0.1 -p {} -U {} {})",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), jdbcUrl(), SUPERUSER, port, SUPERUSER, DATABASE);
    }

    private void createDatabase() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, SUPERUSER, "");
             PreparedStatement exists = connection.prepareStatement(SqlFiles.load("embedded/select-database.sql"))) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    connection.createStatement().execute(SqlFiles.load("embedded/create-database.sql"));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
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

    private static void run(int timeoutSeconds, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("PGPASSWORD");
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
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

    // --- binaries ---

    /** Unpacks the bundled archive once per machine into the temporary directory, atomically. */
    private static Path unpackBinaries() throws IOException {
        String system = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch");
        String hardware = "amd64".equals(arch) ? "x86_64" : arch;
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware)) {
            archive = in.readAllBytes();
        }
        String digest = HexFormat.of().formatHex(sha256(archive)).substring(0, 16);
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "jobmarket-postgres", digest);
        if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), digest + ".");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("unsafe path in PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().contains("bin/")) {
                        Files.setPosixFilePermissions(path, Set.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                    }
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(staging); // another process unpacked it first
        }
        return target;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cleanup of {} failed", root, e);
        }
    }
}
