package fr.jobmarket.monitoring;

import fr.jobmarket.support.TestApplication;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hawtio 4, started by scripts/hawtio.sh against the running service's Jolokia, rendered by headless Chromium:
 * its Camel tree shows our context and route ids.
 */
class HawtioConsoleTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void hawtiosCamelViewShowsOurRoutes() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed (Debian package chromium)");
        try (TestApplication app = TestApplication.start()) {
            int port = TestApplication.freePort();
            Path log = Files.createTempFile("hawtio", ".log");
            ProcessBuilder builder = new ProcessBuilder("scripts/hawtio.sh").redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("HAWTIO_PORT", Integer.toString(port));
            builder.environment().put("JOLOKIA_URL", app.url("/observe/jolokia"));
            Process hawtio = builder.start();
            try {
                await().atMost(180, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS)
                        .until(() -> !hawtio.isAlive() || listening(port));
                assumeTrue(hawtio.isAlive(), () -> "Hawtio did not start (artifacts unreachable?): " + read(log));

                String dom = render("http://127.0.0.1:" + port + "/");

                assertThat(dom).as("Hawtio page").contains("jobmarket").contains(">harvest<").contains(">routes<");
            } finally {
                hawtio.destroy();
                hawtio.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static String render(String url) throws Exception {
        Path profile = Files.createTempDirectory("chromium");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,900", "--virtual-time-budget=30000", "--dump-dom", url))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return dom;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
