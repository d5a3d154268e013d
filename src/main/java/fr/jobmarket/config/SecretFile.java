package fr.jobmarket.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets kept in files of the data directory that only their owner may read (mode 0600): the admin
 * token, the embedded database's passwords and its pgpass file. Callers log where a secret is, never what.
 */
public final class SecretFile {

    private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /**
     * The secret held by {@code file}; when the file does not exist, a new secret is first written there:
     * 32 random bytes in URL-safe base64 (no character that needs quoting in a shell, a URL or a pgpass line).
     *
     * @throws IOException also when the file is empty
     */
    public static String readOrGenerate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[RANDOM_BYTES];
            RANDOM.nextBytes(random);
            try {
                Files.createFile(file, ownerOnly(file));
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n",
                        StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                // another process on the same data directory wrote it first: use theirs
            }
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty: delete it to have a new secret generated");
        }
        return secret;
    }

    /** Replaces {@code file} with {@code text} in one step, readable by its owner only. */
    public static void write(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", ownerOnly(file));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates {@code directory}, and its missing parents, for its owner only (mode 0700): the data directory holds
     * these files and the database. An existing directory keeps the permissions its owner gave it.
     */
    public static void createDirectories(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(directory, "rwx------"));
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return ownerOnly(file, "rw-------");
    }

    private static FileAttribute<?>[] ownerOnly(Path path, String permissions) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
        }
        LOG.warn("{}: this file system has no Unix permissions, restrict access to it by hand", path);
        return new FileAttribute<?>[0];
    }
}
