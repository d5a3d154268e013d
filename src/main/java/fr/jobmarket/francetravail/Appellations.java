package fr.jobmarket.francetravail;

import fr.jobmarket.config.Settings;
import fr.jobmarket.config.StartupException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the appellation list: a YAML file shaped like the original's {@code code_appellation_libelle.yml}
 * (top-level {@code code_appellation_libelle}, a list of {@code code}/{@code libelle} strings), so a
 * user's existing list works unchanged. Anything else is refused with the file and line.
 */
public final class Appellations {

    public static final String SETTING = "jobmarket.appellations.file";
    public static final String BUNDLED = "/appellations.yaml";
    static final String ROOT_KEY = "code_appellation_libelle";

    private static final Pattern CODE = Pattern.compile("\\d{1,10}");
    // the libelle becomes part of a file name: letters, digits, '_' and '-' only
    private static final Pattern LIBELLE = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private Appellations() {
    }

    /** The file named by {@code jobmarket.appellations.file}, or the bundled list when it is empty. */
    public static List<Appellation> load(Settings settings) {
        if (!settings.isSet(SETTING)) {
            try (InputStream in = Appellations.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new StartupException("The bundled appellation list " + BUNDLED + " is missing from the classpath.");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + BUNDLED);
            } catch (IOException e) {
                throw new StartupException("Cannot read the bundled appellation list " + BUNDLED + ": " + e.getMessage(), e);
            }
        }
        Path file = Path.of(settings.text(SETTING)).toAbsolutePath().normalize();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new StartupException("Cannot read the appellation list " + file + " (" + SETTING + " / "
                    + Settings.environmentVariable(SETTING) + "): " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    /** @param source names the file in error messages */
    public static List<Appellation> parse(Reader reader, String source) {
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(source).build()).composeReader(reader)
                    .orElseThrow(() -> refused(source, 1, "the file is empty; expected a top-level '" + ROOT_KEY + "' list"));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(mark -> mark.getLine() + 1).orElse(0);
            throw refused(source, line, "invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw refused(source, 0, "invalid YAML: " + e.getMessage());
        }
        Node list = mapping(root, source, "the top level").get(ROOT_KEY);
        if (list == null) {
            throw refused(source, line(root), "expected a top-level key '" + ROOT_KEY + "'");
        }
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw refused(source, line(list), "'" + ROOT_KEY + "' must be a non-empty list of code/libelle entries");
        }
        List<Appellation> appellations = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Node item : sequence.getValue()) {
            Map<String, Node> entry = mapping(item, source, "each list entry");
            String code = scalar(entry, "code", item, source);
            String libelle = scalar(entry, "libelle", item, source);
            if (!CODE.matcher(code).matches()) {
                throw refused(source, line(entry.get("code")), "code '" + code + "' is not a number");
            }
            if (!LIBELLE.matcher(libelle).matches()) {
                throw refused(source, line(entry.get("libelle")), "libelle '" + libelle
                        + "' must be letters, digits, '_' or '-' (it names the raw file)");
            }
            Integer previous = firstLine.putIfAbsent(code, line(item));
            if (previous != null) {
                throw refused(source, line(item), "code " + code + " is listed twice (first at line " + previous + ")");
            }
            appellations.add(new Appellation(code, libelle));
        }
        return List.copyOf(appellations);
    }

    private static Map<String, Node> mapping(Node node, String source, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw refused(source, line(node), what + " must be a mapping");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw refused(source, line(tuple.getKeyNode()), "keys must be plain names");
            }
            if (values.put(key.getValue(), tuple.getValueNode()) != null) {
                throw refused(source, line(key), "key '" + key.getValue() + "' appears twice");
            }
        }
        return values;
    }

    private static String scalar(Map<String, Node> entry, String key, Node item, String source) {
        Node value = entry.get(key);
        if (value == null) {
            throw refused(source, line(item), "entry without '" + key + "' (expected code and libelle)");
        }
        if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw refused(source, line(value), "'" + key + "' must be a non-empty text");
        }
        return scalar.getValue().trim();
    }

    private static int line(Node node) {
        Optional<Mark> mark = node.getStartMark();
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    private static StartupException refused(String source, int line, String problem) {
        return new StartupException("Appellation list " + source + (line > 0 ? " line " + line : "") + ": " + problem
                + " (set " + SETTING + " / " + Settings.environmentVariable(SETTING) + " to another file, or leave it empty for the bundled list).");
    }
}
