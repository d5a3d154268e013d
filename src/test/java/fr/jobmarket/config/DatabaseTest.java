package fr.jobmarket.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {

    @Test
    void theFirstStartLogsTheMigrationAndARestartOneLineWithTheSchemaVersion() {
        Path dataDir = TestDatabase.newDirectory();
        Settings settings = TestDatabase.settings(Map.of("jobmarket.data.dir", dataDir.toString()));

        List<String> first = databaseLog(settings);
        List<String> restart = databaseLog(settings);

        assertThat(first).singleElement().asString().matches("Database schema migrated from version none to \\d+ \\(\\d+ migration\\(s\\)\\)");
        String version = first.get(0).replaceAll(".* to (\\d+) .*", "$1");
        assertThat(restart).containsExactly("Database schema up to date at version " + version);
    }

    /** What the Database logger says about the schema while the database opens and closes. */
    private static List<String> databaseLog(Settings settings) {
        Logger logger = (Logger) LoggerFactory.getLogger(Database.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            Database.open(settings).close();
        } finally {
            logger.detachAppender(logs);
        }
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.startsWith("Database schema")).toList();
    }
}
