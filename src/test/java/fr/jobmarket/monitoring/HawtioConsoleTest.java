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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hawtio 4, started by scripts/hawtio.sh against the running service's Jolokia, rendered by headless Chromium:
 * its Camel tree shows our context and route ids, straight away for a service on loopback, after Hawtio's login
 * form (any user name, the admin token) for a service whose Jolokia is exposed and reached over the network.
 */
class HawtioConsoleTest {

    private static final Path CHROMIUM = HeadlessBrowser.CHROMIUM;

    @Test
    void hawtiosCamelViewShowsOurRoutes() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed (Debian package chromium)");
        try (TestApplication app = TestApplication.start(); Hawtio hawtio = Hawtio.start(app.url("/observe/jolokia"))) {
            String dom = render(hawtio.url());

            assertThat(dom).as("Hawtio page").contains("jobmarket").contains(">harvest<").contains(">routes<");
        }
    }

    @Test
    void hawtioLogsInToAnExposedJolokiaWithTheAdminToken() throws Exception {
        assumeTrue(HeadlessBrowser.installed(), "chromium or chromedriver not installed (Debian packages chromium, chromium-driver)");
        String token = "hawtio-admin-token-0123456789";
        try (TestApplication app = TestApplication.start(Map.of("jobmarket.jolokia.exposed", "true", "jobmarket.admin.token", token))) {
            // over the network when the machine has an address other than loopback, as from the compose stack's container
            String jolokia = app.nonLoopbackUrl("/observe/jolokia").orElse(app.url("/observe/jolokia"));
            try (Hawtio hawtio = Hawtio.start(jolokia); HeadlessBrowser browser = HeadlessBrowser.start()) {
                browser.open(hawtio.url());
                await().atMost(120, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).ignoreExceptions()
                        .until(() -> browser.script("return !!document.getElementById('connect-login-form-password')").asBoolean());

                browser.type("#connect-login-form-username", "admin");
                browser.type("#connect-login-form-password", token);
                browser.click("//button[normalize-space(.)='Log in']");

                await().atMost(120, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).ignoreExceptions()
                        .until(() -> browser.script("return document.body.innerText.split('\\n').includes('harvest')").asBoolean());
                assertThat(browser.script("return location.pathname").asText()).startsWith("/hawtio/camel");
            }
        }
    }

    /** scripts/hawtio.sh on a free port, connected to this Jolokia URL. */
    private record Hawtio(Process process, int port) implements AutoCloseable {

        static Hawtio start(String jolokiaUrl) throws Exception {
            int port = TestApplication.freePort();
            Path log = Files.createTempFile("hawtio", ".log");
            ProcessBuilder builder = new ProcessBuilder("scripts/hawtio.sh").redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("HAWTIO_PORT", Integer.toString(port));
            builder.environment().put("JOLOKIA_URL", jolokiaUrl);
            Hawtio hawtio = new Hawtio(builder.start(), port);
            try {
                await().atMost(180, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS)
                        .until(() -> !hawtio.process.isAlive() || listening(port));
            } catch (RuntimeException | Error e) {
                hawtio.close();
                throw e;
            }
            if (!hawtio.process.isAlive()) {
                assumeTrue(false, () -> "Hawtio did not start (artifacts unreachable?): " + read(log));
            }
            return hawtio;
        }

        String url() {
            return "http://127.0.0.1:" + port + "/";
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
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
