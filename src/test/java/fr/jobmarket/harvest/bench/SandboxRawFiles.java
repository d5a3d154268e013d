package fr.jobmarket.harvest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.francetravail.Appellation;
import fr.jobmarket.francetravail.Appellations;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.sandbox.SandboxApi;
import fr.jobmarket.sandbox.SandboxResponse;
import fr.jobmarket.sandbox.SyntheticOffers;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw files a harvest of the sandbox leaves: for each appellation of the bundled list, in list order, the
 * offers the in-process {@link SandboxApi} answers, paged 150 at a time (as France Travail returns them, duplicates
 * across appellations included), written as one JSON array to {@code <code>_<libelle>.json}. An appellation above
 * the 3,150-offer reach of one query is read in creation-date windows, newest first, as the harvester splits it.
 */
final class SandboxRawFiles {

    private static final int PAGE = SandboxApi.MAX_PAGE;
    private static final int REACH = SandboxApi.MAX_START + SandboxApi.MAX_PAGE;
    /** Offers per creation-date window aimed at: well under the reach, whatever the spread of dates. */
    private static final int WINDOW_TARGET = 2000;
    private static final Duration CREATION_SPAN = Duration.ofDays(180);

    private final SandboxApi api;
    private final String authorization;

    SandboxRawFiles(SyntheticOffers offers) throws IOException {
        this.api = new SandboxApi(offers, SandboxApi.MAX_RATE_LIMIT, System::nanoTime);
        SandboxResponse token = api.token(Map.of("grant_type", "client_credentials"));
        this.authorization = "Bearer " + json(token, "token").path("access_token").asText();
    }

    SandboxApi api() {
        return api;
    }

    /** The bundled appellation list, in its order: the order of the raw files given to the batch. */
    static List<Appellation> appellations() throws IOException {
        try (Reader reader = new InputStreamReader(Appellations.class.getResourceAsStream(Appellations.BUNDLED),
                StandardCharsets.UTF_8)) {
            return Appellations.parse(reader, "classpath:" + Appellations.BUNDLED);
        }
    }

    /** The raw files of {@code directory} in appellation order (those present). */
    static List<Path> rawFiles(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Appellation appellation : appellations()) {
            Path file = directory.resolve(appellation.rawFileName());
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        return files;
    }

    /** Writes one raw file per appellation into {@code directory}; returns them in appellation order. */
    List<Path> write(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Appellation appellation : appellations()) {
            Path file = directory.resolve(appellation.rawFileName());
            try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(file)) {
                int total = api.offers().total(appellation.code());
                if (total <= REACH) {
                    page(appellation.code(), null, null, writer);
                } else {
                    int windows = total / WINDOW_TARGET + 1;
                    Instant end = SyntheticOffers.ANCHOR;
                    Duration width = CREATION_SPAN.dividedBy(windows);
                    for (int w = 0; w < windows; w++) {
                        Instant start = w == windows - 1 ? end.minus(CREATION_SPAN) : end.minus(width.multipliedBy(w + 1));
                        page(appellation.code(), start, end.minus(width.multipliedBy(w)), writer);
                    }
                }
                writer.commit();
            }
            files.add(file);
        }
        return files;
    }

    private void page(String code, Instant from, Instant to, JsonArrayFiles.AtomicWriter writer) throws IOException {
        for (int start = 0; ; start += PAGE) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("appellation", code);
            query.put("range", start + "-" + (start + PAGE - 1));
            if (from != null) {
                query.put("minCreationDate", from.toString());
                query.put("maxCreationDate", to.toString());
            }
            SandboxResponse response = api.search(query, authorization);
            if (response.status() == 204) {
                return;
            }
            JsonNode page = json(response, "appellation " + code + " " + query);
            for (JsonNode offer : page.path("resultats")) {
                writer.write((ObjectNode) offer);
            }
            String range = response.headers().getOrDefault("Content-Range", "");
            long announced = Long.parseLong(range.substring(range.lastIndexOf('/') + 1));
            if (announced > REACH) {
                throw new IllegalStateException("appellation " + code + ": " + announced + " offers in " + query
                        + ", more than one query reaches; narrow the creation-date windows");
            }
            if (start + PAGE >= announced) {
                return;
            }
        }
    }

    private static JsonNode json(SandboxResponse response, String what) throws IOException {
        if (response.status() != 200 && response.status() != 206) {
            throw new IllegalStateException("sandbox " + what + ": expected 200 or 206, got " + response.status()
                    + " " + response.body());
        }
        return JsonArrayFiles.MAPPER.readTree(response.body());
    }
}
