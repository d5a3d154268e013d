package fr.jobmarket.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
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
            requireEnd(file, parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage() + " at "
                    + (e.getLocation() == null ? "?" : e.getLocation().offsetDescription()), e);
        }
        return count;
    }

    /** Receives the {@code id} of each object (null when absent, null or not a scalar) with its 0-based index. */
    @FunctionalInterface
    public interface IdHandler {
        void accept(long index, String id) throws IOException;
    }

    /**
     * Reads only the top-level {@code id} of each object, skipping everything else without building trees: a
     * cheap full validation pass over a large file. Fails like {@link #forEach} on anything but an array of objects.
     */
    public static long forEachId(Path file, IdHandler handler) throws IOException {
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
                String id = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("id".equals(name) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                        id = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
                handler.accept(count, id);
                count++;
            }
            requireEnd(file, parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage() + " at "
                    + (e.getLocation() == null ? "?" : e.getLocation().offsetDescription()), e);
        }
        return count;
    }

    /** Text after the closing bracket means two files were concatenated or a write went wrong: refuse it. */
    private static void requireEnd(Path file, JsonParser parser) throws IOException {
        JsonToken extra = parser.nextToken();
        if (extra != null) {
            throw new IOException(file + ": expected the end of the file after the array at "
                    + parser.currentLocation().offsetDescription() + ", found " + extra);
        }
    }

    /** Forces a directory entry change (rename, delete) to disk; a no-op where the platform cannot open directories. */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; its renames are durable enough for our purpose.
        }
    }

    /** Forces a written file's content to disk, so a later rename never exposes an empty or partial file after a power loss. */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Writes an array object by object to a temporary sibling, forces it to disk, then renames it over {@code file}. */
    public static final class AtomicWriter implements AutoCloseable {
        private final Path file;
        private final Path temporary;
        private final OutputStream out;
        private final JsonGenerator generator;
        private long count;
        private boolean finished;
        private boolean committed;

        public AtomicWriter(Path file) throws IOException {
            this.file = file;
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            this.out = Files.newOutputStream(temporary);
            this.generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
            generator.setPrettyPrinter(new OneObjectPerLine());
            generator.writeStartArray();
        }

        public void write(ObjectNode object) throws IOException {
            MAPPER.writeTree(generator, object);
            count++;
        }

        public long count() {
            return count;
        }

        /** Closes the array and forces the temporary file to disk, still under its temporary name. */
        public void finish() throws IOException {
            if (!finished) {
                generator.writeEndArray();
                generator.close();
                out.close();
                syncFile(temporary);
                finished = true;
            }
        }

        /** Makes the file visible under its final name; before this, a crash leaves the previous file untouched. */
        public Path commit() throws IOException {
            finish();
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            return file;
        }

        /** The temporary file being written, named {@code .<final name>.tmp} beside the final file. */
        public Path temporary() {
            return temporary;
        }

        /** Without commit, the temporary file is removed and the target is left as it was. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    generator.close();
                    out.close();
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    /** Compact JSON with a line break between top-level objects: files stay small yet {@code head}, {@code wc -l} and diffs work. */
    private static final class OneObjectPerLine extends MinimalPrettyPrinter {
        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            super.writeStartArray(g);
            if (g.getOutputContext().getParent().inRoot()) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            super.writeArrayValueSeparator(g);
            if (g.getOutputContext().getParent().inRoot()) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (g.getOutputContext().getParent().inRoot()) {
                g.writeRaw('\n');
            }
            super.writeEndArray(g, nrOfValues);
        }
    }
}
