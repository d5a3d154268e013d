package fr.jobmarket.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        return eachObject(file, (parser, index) -> handler.accept(MAPPER.readTree(parser)));
    }

    /**
     * The objects of the array one at a time, for a streaming split: only the current object is in memory. Fails
     * like {@link #forEach} (as an {@link UncheckedIOException} from {@code hasNext}) on anything but an array of
     * objects; close it when stopping early.
     */
    public static final class ObjectIterator implements Iterator<ObjectNode>, Closeable {
        private final Path file;
        private final JsonParser parser;
        private ObjectNode next;
        private boolean ended;

        public ObjectIterator(Path file) throws IOException {
            this.file = file;
            this.parser = MAPPER.createParser(file.toFile());
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new IOException(file + ": expected a JSON array at " + parser.currentLocation().offsetDescription());
                }
            } catch (IOException e) {
                parser.close();
                throw readable(file, e);
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && !ended) {
                try {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        requireEnd(file, parser);
                        ended = true;
                        parser.close();
                    } else if (token != JsonToken.START_OBJECT) {
                        throw new IOException(file + ": expected an object at " + parser.currentLocation().offsetDescription()
                                + ", found " + token);
                    } else {
                        next = MAPPER.readTree(parser);
                    }
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException(readable(file, e));
                }
            }
            return next != null;
        }

        @Override
        public ObjectNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException(file + ": no more objects");
            }
            ObjectNode object = next;
            next = null;
            return object;
        }

        @Override
        public void close() {
            ended = true;
            try {
                parser.close();
            } catch (IOException e) {
                // nothing was written: a failed close of a reader loses nothing
            }
        }
    }

    /** Receives one field of each object as a tree: null when the object lacks it. */
    @FunctionalInterface
    public interface ValueHandler {
        void accept(JsonNode value) throws IOException;
    }

    /**
     * Reads one top-level field of each object, skipping the others without building them: a pass over the raw
     * files that needs only {@code lieuTravail} builds no other tree (about 1 s of CPU for 92 MB of raw files on the
     * pipeline benchmark). Fails like {@link #forEach} on anything but an array of objects.
     */
    public static long forEachValue(Path file, String field, ValueHandler handler) throws IOException {
        return eachObject(file, (parser, index) -> {
            JsonNode value = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = field.equals(parser.currentName());
                parser.nextToken();
                if (wanted) {
                    value = MAPPER.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
            handler.accept(value);
        });
    }

    /** Receives each object's 0-based index, byte range in the file and the values of the requested fields. */
    @FunctionalInterface
    public interface SpanHandler {
        void accept(long index, long start, long end, String[] values) throws IOException;
    }

    /**
     * Reads only the requested top-level fields of each object (a scalar's text; the empty string for null, an
     * object or an array; null only when the field is absent), skipping everything else without building trees,
     * and reports where each object lies in the file ({@code end} exclusive), so that unchanged objects can be
     * copied byte for byte. Fails like {@link #forEach} on anything but an array of objects.
     */
    public static long forEachSpan(Path file, List<String> fields, SpanHandler handler) throws IOException {
        return eachObject(file, (parser, index) -> {
            long start = parser.currentTokenLocation().getByteOffset();
            String[] values = new String[fields.size()];
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int field = fields.indexOf(parser.currentName());
                JsonToken value = parser.nextToken();
                if (field >= 0) {
                    values[field] = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : "";
                }
                parser.skipChildren();
            }
            handler.accept(index, start, parser.currentLocation().getByteOffset(), values);
        });
    }

    /** Reads one object of the array: the parser stands on its START_OBJECT and must end on its END_OBJECT. */
    @FunctionalInterface
    private interface ObjectReader {
        void read(JsonParser parser, long index) throws IOException;
    }

    /** The array around the objects: its brackets, one object after another, nothing after it. */
    private static long eachObject(Path file, ObjectReader reader) throws IOException {
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
                reader.read(parser, count);
                count++;
            }
            requireEnd(file, parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw readable(file, e);
        }
        return count;
    }

    /** A parser's complaint as a sentence naming the file and the position. */
    private static IOException readable(Path file, IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return new IOException(file + " is not valid JSON: " + json.getOriginalMessage() + " at "
                    + (json.getLocation() == null ? "?" : json.getLocation().offsetDescription()), e);
        }
        return e;
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

    /**
     * Writes an array object by object to a temporary sibling, forces it to disk, then renames it over {@code file}.
     * One object per line: compact, yet {@code head}, {@code wc -l} and diffs work. While writing, a background
     * thread flushes every {@value #FLUSH_EVERY_BYTES} bytes, so the disk works while the caller still parses and the
     * final force has little left to do (it is what makes the data durable; the early flushes only save time).
     */
    public static final class AtomicWriter implements AutoCloseable {
        static final long FLUSH_EVERY_BYTES = 32L << 20;
        private static final byte[] OPEN = {'[', '\n'};
        private static final byte[] SEPARATOR = {',', '\n'};
        private static final byte[] CLOSE = {'\n', ']', '\n'};

        private final Path file;
        private final Path temporary;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        private final ExecutorService flusher = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "json-array-flush");
            thread.setDaemon(true);
            return thread;
        });
        private Future<?> flushing = CompletableFuture.completedFuture(null);
        private long unflushed;
        private long count;
        private boolean finished;
        private boolean committed;

        public AtomicWriter(Path file) throws IOException {
            this.file = file;
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            buffer.put(OPEN);
        }

        public void write(ObjectNode object) throws IOException {
            byte[] bytes = MAPPER.writeValueAsBytes(object);
            separate();
            if (bytes.length > buffer.remaining()) {
                drain();
            }
            if (bytes.length > buffer.capacity()) {
                writeFully(ByteBuffer.wrap(bytes));
            } else {
                buffer.put(bytes);
            }
            count++;
        }

        /**
         * Copies {@code objects} consecutive objects of another array file byte for byte: {@code start} is the
         * first one's opening brace and {@code end} is just past the last one's closing brace, as reported by
         * {@link #forEachSpan}. The kernel copies the bytes; nothing is parsed or encoded again.
         */
        public void copy(FileChannel source, long start, long end, long objects) throws IOException {
            separate();
            drain();
            for (long position = start; position < end; ) {
                position += source.transferTo(position, end - position, channel);
            }
            written(end - start);
            count += objects;
        }

        /**
         * Copies one object of another array file like {@link #copy}, adding the field {@code name} with the string
         * {@code value} before its closing brace: a record stamped without being parsed again.
         */
        public void copyAdding(FileChannel source, long start, long end, String name, String value) throws IOException {
            ByteBuffer last = ByteBuffer.allocate(1);
            source.read(last, end - 1);
            if (last.get(0) != '}') {
                throw new IOException("expected the closing brace of an object at byte " + (end - 1) + ", found '"
                        + (char) last.get(0) + "': the file changed while it was read");
            }
            separate();
            drain();
            for (long position = start; position < end - 1; ) {
                position += source.transferTo(position, end - 1 - position, channel);
            }
            written(end - 1 - start);
            buffer.put((byte) ',').put(MAPPER.writeValueAsBytes(name)).put((byte) ':')
                    .put(MAPPER.writeValueAsBytes(value)).put((byte) '}');
            count++;
        }

        public long count() {
            return count;
        }

        /** Closes the array and forces the temporary file to disk, still under its temporary name. */
        public void finish() throws IOException {
            if (!finished) {
                if (buffer.remaining() < CLOSE.length) {
                    drain();
                }
                buffer.put(CLOSE);
                drain();
                awaitFlush();
                channel.force(true);
                channel.close();
                flusher.shutdown();
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
                    flusher.shutdownNow();
                    channel.close();
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
        }

        private void separate() throws IOException {
            if (count > 0) {
                if (buffer.remaining() < SEPARATOR.length) {
                    drain();
                }
                buffer.put(SEPARATOR);
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            int bytes = buffer.remaining();
            writeFully(buffer);
            buffer.clear();
            written(bytes);
        }

        private void writeFully(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        private void written(long bytes) {
            unflushed += bytes;
            if (unflushed >= FLUSH_EVERY_BYTES && flushing.isDone()) {
                unflushed = 0;
                flushing = flusher.submit(() -> {
                    channel.force(false);
                    return null;
                });
            }
        }

        private void awaitFlush() throws IOException {
            try {
                flushing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while flushing " + temporary, e);
            } catch (ExecutionException e) {
                throw new IOException("could not flush " + temporary + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
