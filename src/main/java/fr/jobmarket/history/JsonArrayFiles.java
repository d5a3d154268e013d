package fr.jobmarket.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Streaming reads and atomic writes of files holding one JSON array of objects (raw pages, batches, the
 * cumulative history): one object in memory at a time, and a written file appears complete or not at all.
 */
public final class JsonArrayFiles {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonArrayFiles() {
    }

    /** Receives each object of the array in file order. */
    @FunctionalInterface
    public interface ObjectHandler {
        void accept(ObjectNode object) throws IOException;
    }

    /** Calls {@code handler} for each object; a file that is not an array of objects fails naming the file and position. */
    public static long forEach(Path file, ObjectHandler handler) throws IOException {
        long count = 0;
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(file + ": expected a JSON array at " + parser.currentLocation().offsetDescription());
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IOException(file + ": expected an object at " + parser.currentLocation().offsetDescription()
                            + ", found " + token);
                }
                handler.accept(MAPPER.readTree(parser));
                count++;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage() + " at "
                    + (e.getLocation() == null ? "?" : e.getLocation().offsetDescription()), e);
        }
        return count;
    }

    /** Writes an array object by object to a temporary sibling, forces it to disk, then renames it over {@code file}. */
    public static final class AtomicWriter implements AutoCloseable {
        private final Path file;
        private final Path temporary;
        private final OutputStream out;
        private final JsonGenerator generator;
        private long count;
        private boolean committed;

        public AtomicWriter(Path file) throws IOException {
            this.file = file;
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            this.out = Files.newOutputStream(temporary);
            this.generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
            generator.writeStartArray();
        }

        public void write(ObjectNode object) throws IOException {
            MAPPER.writeTree(generator, object);
            count++;
        }

        public long count() {
            return count;
        }

        /** Makes the file visible under its final name; before this, a crash leaves the previous file untouched. */
        public Path commit() throws IOException {
            generator.writeEndArray();
            generator.close();
            out.close();
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            return file;
        }

        /** Without commit, the temporary file is removed and the target is left as it was. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                generator.close();
                out.close();
                Files.deleteIfExists(temporary);
            }
        }
    }
}
