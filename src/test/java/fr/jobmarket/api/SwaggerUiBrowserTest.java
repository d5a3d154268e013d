package fr.jobmarket.api;

import fr.jobmarket.support.TestApplication;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Swagger UI at /docs renders the operations list in headless Chromium, from the webjar only (no network). */
class SwaggerUiBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void rendersTheOperationsListOffline() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install -y chromium)");
        try (TestApplication app = TestApplication.start()) {
            Path profile = Files.createTempDirectory("chromium-profile");
            Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom", app.url("/docs")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] dom = chromium.getInputStream().readAllBytes();
            assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String page = new String(dom, StandardCharsets.UTF_8);
            assertThat(page).contains("opblock", "/stats/total_offres", "/mapping_localisation/commune",
                    "Pour toutes les offres d");
        }
    }
}
