package fr.jobmarket.harvest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jobmarket.geo.Coordinates;
import fr.jobmarket.geo.Place;
import fr.jobmarket.geo.PointGeocoder;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.sandbox.SandboxApi;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's reverse geocoder: answers from an in-memory map of the points the seed offers carry, so the
 * benchmark measures the pipeline's own work, not the network. The map is read from a TSV file
 * ({@code latitude, longitude, INSEE code, postal code}) written once from the sandbox geocoder's answers.
 */
final class MapGeocoder implements PointGeocoder {

    private final Map<Coordinates, Place> places;

    private MapGeocoder(Map<Coordinates, Place> places) {
        this.places = places;
    }

    @Override
    public Optional<Place> reverse(double latitude, double longitude) {
        return Optional.ofNullable(places.get(new Coordinates(latitude, longitude)));
    }

    int size() {
        return places.size();
    }

    static MapGeocoder read(Path tsv) throws IOException {
        Map<Coordinates, Place> places = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(tsv)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split("\t", -1);
                places.put(new Coordinates(Double.parseDouble(cells[0]), Double.parseDouble(cells[1])),
                        new Place(cells[2], cells[3]));
            }
        }
        return new MapGeocoder(places);
    }

    /**
     * Asks the sandbox geocoder about every point the enrichment will look up (offers with coordinates and no
     * commune code, with swapped values put back on the mainland as the enrichment does) and writes the answers.
     */
    static int write(List<Path> rawFiles, SandboxApi api, Path tsv) throws IOException {
        Map<Coordinates, Place> places = new LinkedHashMap<>();
        for (Path file : rawFiles) {
            JsonArrayFiles.forEach(file, offer -> {
                JsonNode lieu = offer.path("lieuTravail");
                if (!lieu.isObject() || lieu.hasNonNull("commune")) {
                    return;
                }
                Coordinates.of(lieu).map(point -> point.onMainlandOrSwapped().orElse(point))
                        .filter(point -> !places.containsKey(point))
                        .ifPresent(point -> places.put(point, sandboxAnswer(api, point)));
            });
        }
        try (BufferedWriter writer = Files.newBufferedWriter(tsv)) {
            for (Map.Entry<Coordinates, Place> entry : places.entrySet()) {
                if (entry.getValue() != null) {
                    writer.write(entry.getKey().latitude() + "\t" + entry.getKey().longitude() + "\t"
                            + entry.getValue().codeInsee() + "\t" + entry.getValue().codePostal() + "\n");
                }
            }
        }
        return places.size();
    }

    private static Place sandboxAnswer(SandboxApi api, Coordinates point) {
        try {
            String body = api.reverse(String.valueOf(point.longitude()), String.valueOf(point.latitude())).body();
            JsonNode feature = JsonArrayFiles.MAPPER.readTree(body).path("features").path(0);
            return feature.isMissingNode() ? null
                    : new Place(feature.path("properties").path("citycode").asText(), feature.path("properties").path("postcode").asText());
        } catch (IOException e) {
            throw new IllegalStateException("sandbox geocoder answer for " + point + " is not JSON", e);
        }
    }
}
