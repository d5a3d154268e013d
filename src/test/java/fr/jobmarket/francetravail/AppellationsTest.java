package fr.jobmarket.francetravail;

import fr.jobmarket.config.Settings;
import fr.jobmarket.config.StartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppellationsTest {

    @TempDir
    Path directory;

    private static Settings settings(String file) {
        return Settings.load(Map.of(), new Properties(), Map.of(Appellations.SETTING, file));
    }

    private static List<Appellation> parse(String yaml) {
        return Appellations.parse(new StringReader(yaml), "list.yaml");
    }

    @Test
    void bundledListHoldsThe61AppellationsInFileOrderWithoutTheTestEntry() {
        List<Appellation> appellations = Appellations.load(settings(""));

        assertThat(appellations).hasSize(61);
        assertThat(appellations.get(0)).isEqualTo(new Appellation("404278", "Data_Engineer"));
        assertThat(appellations.get(60)).isEqualTo(new Appellation("488822", "Ingenieur_DevOps"));
        assertThat(appellations).extracting(Appellation::code).doesNotContain("11100").doesNotHaveDuplicates();
        assertThat(appellations).contains(new Appellation("14959", "Expert_Securite_Informatique"),
                new Appellation("489121", "Expert_Securite_Informatique"));
    }

    @Test
    void readsTheFileNamedBySettingInTheOriginalsFormat() throws Exception {
        Path file = directory.resolve("mine.yml");
        Files.writeString(file, """
                code_appellation_libelle: # comment as in the original
                  #### group
                  - code: "38971"
                    libelle: "Data_Analyst"
                  - code: "11100"
                    libelle: "Aquafortiste"
                """);

        assertThat(Appellations.load(settings(file.toString())))
                .containsExactly(new Appellation("38971", "Data_Analyst"), new Appellation("11100", "Aquafortiste"));
    }

    @Test
    void namesTheRawFileAfterCodeAndLibelle() {
        assertThat(new Appellation("404278", "Data_Engineer").rawFileName()).isEqualTo("404278_Data_Engineer.json");
    }

    @Test
    void refusesInvalidYamlNamingFileAndLine() {
        assertThatThrownBy(() -> parse("code_appellation_libelle:\n  - code: \"1\"\n    libelle: [unclosed\n"))
                .isInstanceOf(StartupException.class).hasMessageContaining("list.yaml line ").hasMessageContaining("invalid YAML");
    }

    @Test
    void refusesAFileWithoutTheTopLevelKey() {
        assertThatThrownBy(() -> parse("appellations:\n  - code: \"1\"\n    libelle: \"A\"\n"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("list.yaml line 1").hasMessageContaining("code_appellation_libelle");
    }

    @Test
    void refusesAnEntryWithoutLibelleNamingItsLine() {
        assertThatThrownBy(() -> parse("code_appellation_libelle:\n  - code: \"1\"\n    libelle: \"A\"\n  - code: \"2\"\n"))
                .isInstanceOf(StartupException.class).hasMessageContaining("line 4").hasMessageContaining("'libelle'");
    }

    @Test
    void refusesADuplicateCodeNamingBothLines() {
        assertThatThrownBy(() -> parse("""
                code_appellation_libelle:
                  - code: "38971"
                    libelle: "Data_Analyst"
                  - code: "38971"
                    libelle: "Data_Analyst_Again"
                """))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("line 4").hasMessageContaining("38971 is listed twice (first at line 2)");
    }

    @Test
    void refusesANonNumericCode() {
        assertThatThrownBy(() -> parse("code_appellation_libelle:\n  - code: \"38A71\"\n    libelle: \"X\"\n"))
                .isInstanceOf(StartupException.class).hasMessageContaining("line 2").hasMessageContaining("'38A71' is not a number");
    }

    @Test
    void refusesAnEmptyListAndAnEmptyFile() {
        assertThatThrownBy(() -> parse("code_appellation_libelle: []\n"))
                .isInstanceOf(StartupException.class).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> parse("# nothing\n"))
                .isInstanceOf(StartupException.class).hasMessageContaining("the file is empty");
    }

    @Test
    void refusesALibelleThatCouldEscapeTheRawDirectory() {
        assertThatThrownBy(() -> parse("code_appellation_libelle:\n  - code: \"1\"\n    libelle: \"../etc\"\n"))
                .isInstanceOf(StartupException.class).hasMessageContaining("line 3");
    }

    @Test
    void refusesAMissingFileNamingTheSetting() {
        assertThatThrownBy(() -> Appellations.load(settings(directory.resolve("absent.yaml").toString())))
                .isInstanceOf(StartupException.class).hasMessageContaining("absent.yaml")
                .hasMessageContaining("JOBMARKET_APPELLATIONS_FILE");
    }
}
