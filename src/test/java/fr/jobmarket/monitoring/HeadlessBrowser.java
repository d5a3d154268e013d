package fr.jobmarket.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.TestApplication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Headless Chromium driven through chromedriver's WebDriver API (Debian packages chromium and chromium-driver), for
 * pages that need typing and clicking: the few WebDriver commands the tests use.
 */
final class HeadlessBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process driver;
    private final String base;
    private String session;

    private HeadlessBrowser(Process driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static HeadlessBrowser start() throws Exception {
        int port = TestApplication.freePort();
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HeadlessBrowser browser = new HeadlessBrowser(driver, "http://127.0.0.1:" + port);
        try {
            await().atMost(30, TimeUnit.SECONDS).ignoreExceptions()
                    .until(() -> browser.call("GET", "/status", null).path("ready").asBoolean());
            Path profile = Files.createTempDirectory("chromium");
            browser.session = browser.call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                    "browserName", "chrome", "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(), "args", List.of(
                            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--no-first-run", "--window-size=1440,900",
                            "--user-data-dir=" + profile)))))).path("sessionId").asText();
            return browser;
        } catch (Exception | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    void open(String url) throws Exception {
        command("POST", "/url", Map.of("url", url));
    }

    /** The value a script returns, e.g. {@code return document.title}. */
    JsonNode script(String script) throws Exception {
        return command("POST", "/execute/sync", Map.of("script", script, "args", List.of()));
    }

    void type(String cssSelector, String text) throws Exception {
        String element = element("css selector", cssSelector);
        command("POST", "/element/" + element + "/clear", Map.of());
        command("POST", "/element/" + element + "/value", Map.of("text", text));
    }

    void click(String xpath) throws Exception {
        command("POST", "/element/" + element("xpath", xpath) + "/click", Map.of());
    }

    private String element(String using, String value) throws Exception {
        return command("POST", "/element", Map.of("using", using, "value", value)).elements().next().asText();
    }

    private JsonNode command(String method, String path, Object body) throws Exception {
        return call(method, "/session/" + session + path, body);
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        JsonNode value = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("value");
        if (value.has("error")) {
            throw new IllegalStateException("WebDriver " + path + ": " + value.path("error").asText() + ": " + value.path("message").asText());
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (Exception e) {
            // the browser goes with its driver below
        } finally {
            driver.destroy();
        }
    }
}
