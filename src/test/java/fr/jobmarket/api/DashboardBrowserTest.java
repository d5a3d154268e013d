package fr.jobmarket.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in headless Chromium (Debian packages chromium and chromium-driver; skipped without them) on a
 * sandbox harvest: each page, each slicer changed through the page's own controls, the cards and one chart's
 * figures (read from its table of values) equal to the query API's JSON for the same filters, the filters kept
 * in the address; no request leaves the service and no JavaScript error is logged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TOKEN = "dashboard-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApplication app;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install -y chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed (apt-get install -y chromium-driver)");
        app = TestApplication.start(Map.of("jobmarket.admin.token", TOKEN, "jobmarket.sandbox.offers", "600",
                "jobmarket.sandbox.rate-limit", "1000", "jobmarket.rate-limit", "200"));
        HttpResponse<String> started = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/harvest")))
                .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + TOKEN);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> !JSON.readTree(app.get("/admin/harvests").body()).get(0).path("status").asText().equals("RUNNING"));
        assertThat(JSON.readTree(app.get("/admin/harvests").body()).get(0).path("status").asText()).isEqualTo("SUCCEEDED");
        // some offers of an earlier extraction, so that "Offres dispo ONLY" changes the figures
        try (Connection connection = app.application().database().dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("UPDATE offreemploi SET date_extraction = date_extraction - 3 WHERE offre_id IN "
                    + "(SELECT offre_id FROM offreemploi ORDER BY offre_id LIMIT 120)");
        }
        app.application().camelContext().createFluentProducerTemplate().to("direct:api-refresh").send();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void pageOneFollowsEveryCommonSlicerWithTheApisFigures() throws Exception {
        open("/dashboard");
        assertThat(driver.findElement(By.id("titre-page")).getText()).isEqualTo("Toutes les offres récupérées avec l'API de France Travail");
        Map<String, List<String>> filters = new LinkedHashMap<>();
        checkPageOne(filters);

        change(() -> driver.findElement(By.id("dispo")).click());
        filters.put("offres_dispo_only", List.of("true"));
        assertThat(driver.findElement(By.id("dispo")).getAttribute("aria-pressed")).isEqualTo("true");
        checkPageOne(filters);

        for (String metier : List.of("vide", "DA", "DE", "DS")) {
            change(() -> option("metier_data", metier).click());
            filters.put("metier_data", List.of(metier));
            checkPageOne(filters);
        }
        change(() -> option("metier_data", "").click());
        filters.remove("metier_data");

        change(() -> option("code_region", "11").click());
        filters.put("code_region", List.of("11"));
        checkPageOne(filters);
        change(() -> option("code_departement", "75").click());
        filters.put("code_departement", List.of("75"));
        checkPageOne(filters);
        change(() -> type("code_postal", "75008 75009"));
        filters.put("code_postal", List.of("75008", "75009"));
        checkPageOne(filters);
        change(() -> type("code_insee", "75108"));
        filters.put("code_insee", List.of("75108"));
        checkPageOne(filters);

        // a reload of the address shows the same view
        String address = driver.getCurrentUrl();
        assertThat(address).contains("offres_dispo_only=true", "code_region=11", "code_departement=75",
                "code_postal=75008&code_postal=75009", "code_insee=75108");
        open(address.substring(address.indexOf("/dashboard")));
        assertThat(driver.findElement(By.id("dispo")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(driver.findElement(By.name("code_postal")).getAttribute("value")).isEqualTo("75008 75009");
        checkPageOne(filters);

        change(() -> driver.findElement(By.id("reinitialiser")).click());
        checkPageOne(new LinkedHashMap<>());
        assertThat(driver.getCurrentUrl()).endsWith("/dashboard");
        assertOnlyTheServiceWasRequested();
    }

    @Test
    @Order(2)
    void pageTwoFollowsTheRequirementSlicersOfItsCharts() throws Exception {
        open("/dashboard?page=2&metier_data=DE");
        assertThat(driver.findElement(By.id("titre-page")).getText()).isEqualTo("Compétences et Expériences");
        Map<String, List<String>> filters = new LinkedHashMap<>(Map.of("metier_data", List.of("DE")));
        checkCards(filters);
        JsonNode competences = api("/criteres_recruteurs/competences", filters);
        JsonNode experiences = api("/criteres_recruteurs/experiences", filters);
        assertTop(figures("competences"), perLabel(competences, "libelle", null), 10);
        assertTop(figures("experiences"), perLabel(experiences, "libelle", null), 5);
        for (String requirement : List.of("E", "S")) {
            change(() -> option("exigence_competence", requirement).click());
            assertTop(figures("competences"), perLabel(competences, "libelle", requirement), 10);
        }
        for (String requirement : List.of("D", "E", "S", "vide")) {
            change(() -> option("exigence_experience", requirement).click());
            assertTop(figures("experiences"), perLabel(experiences, "libelle", requirement), 5);
        }
        assertThat(driver.getCurrentUrl()).contains("page=2", "exigence_competence=S", "exigence_experience=vide");
        change(() -> driver.findElement(By.id("dispo")).click());
        filters.put("offres_dispo_only", List.of("true"));
        checkCards(filters);
        assertTop(figures("competences"), perLabel(api("/criteres_recruteurs/competences", filters), "libelle", "S"), 10);
        assertOnlyTheServiceWasRequested();
    }

    @Test
    @Order(3)
    void pagesThreeToFiveDrawTheApisCriteriaRankingsAndKeywords() throws Exception {
        open("/dashboard?page=3");
        assertThat(driver.findElement(By.id("titre-page")).getText()).isEqualTo("Qualifications Professionnelles et Qualifications");
        Map<String, List<String>> filters = new LinkedHashMap<>();
        checkCards(filters);
        assertTop(figures("qualifications"), perLabel(api("/criteres_recruteurs/qualifications", filters), "qualification", null), 10);
        change(() -> option("metier_data", "DA").click());
        filters.put("metier_data", List.of("DA"));
        checkCards(filters);
        assertTop(figures("qualites"), perLabel(api("/criteres_recruteurs/qualites_professionnelles", filters),
                "qualite_professionnelle", null), 10);

        change(() -> driver.findElement(By.xpath("//nav//a[starts-with(normalize-space(.), '4.')]")).click());
        assertThat(driver.findElement(By.id("titre-page")).getText()).isEqualTo("Localisation des offres");
        checkCards(filters);
        assertThat(figures("regions")).isEqualTo(rows(api("/stats/classement/region", filters), "nom_region", "nb_offres"));
        change(() -> option("code_region", "84").click());
        filters.put("code_region", List.of("84"));
        checkCards(filters);
        List<List<String>> departments = new ArrayList<>();
        api("/stats/classement/departement", filters).forEach(row -> departments.add(List.of(
                row.path("nom_departement").asText() + " (" + row.path("code_departement").asText() + ")", row.path("nb_offres").asText())));
        assertThat(figures("departements")).isNotEmpty().isEqualTo(departments);
        // bubbles: one per region of the answer, drawn on the map of France
        assertThat(figures("carte-regions")).isEqualTo(rows(api("/stats/classement/region", filters), "nom_region", "nb_offres"));
        assertThat((Long) js("return echarts.getInstanceByDom(document.querySelector('#carte-regions .dessin'))"
                + ".getOption().series[0].data.length")).isEqualTo(1L);

        change(() -> driver.findElement(By.xpath("//nav//a[starts-with(normalize-space(.), '5.')]")).click());
        assertThat(driver.findElement(By.id("titre-page")).getText()).isEqualTo("Mots-clés (compétences/outils data)");
        checkCards(filters);
        assertThat(figures("mots-cles")).isEqualTo(rows(api("/stats/mots_cles", filters), "mot_cle", "nb_offres"));
        change(() -> driver.navigate().back());
        assertThat(driver.findElement(By.id("titre-page")).getText()).isEqualTo("Localisation des offres");
        assertOnlyTheServiceWasRequested();
    }

    @Test
    @Order(4)
    void pagesSixAndSevenDrawTheApisTrendsAndSalaries() throws Exception {
        open("/dashboard?page=6");
        assertThat(driver.findElement(By.id("titre-page")).getText()).isEqualTo("Tendances des extractions");
        Map<String, List<String>> filters = new LinkedHashMap<>();
        checkCards(filters);
        JsonNode trends = api("/stats/tendances", filters);
        // the offers moved to an earlier extraction make a second date
        assertThat(trends.findValuesAsText("date_extraction").stream().distinct()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(table("tendances")).containsExactlyInAnyOrderElementsOf(trends(trends));
        change(() -> option("metier_data", "DE").click());
        filters.put("metier_data", List.of("DE"));
        checkCards(filters);
        assertThat(table("tendances")).isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).isEqualTo("DE"))
                .containsExactlyInAnyOrderElementsOf(trends(api("/stats/tendances", filters)));
        change(() -> option("code_region", "11").click());
        filters.put("code_region", List.of("11"));
        checkCards(filters);
        assertThat(table("tendances")).containsExactlyInAnyOrderElementsOf(trends(api("/stats/tendances", filters)));

        // to page 7 from the keyboard, the filters kept
        change(() -> driver.findElement(By.xpath("//nav//a[starts-with(normalize-space(.), '7.')]")).sendKeys(Keys.ENTER));
        assertThat(driver.findElement(By.id("titre-page")).getText()).isEqualTo("Salaires");
        checkSalaries(filters);
        change(() -> option("metier_data", "").click());
        filters.remove("metier_data");
        checkSalaries(filters);
        change(() -> driver.findElement(By.id("dispo")).click());
        filters.put("offres_dispo_only", List.of("true"));
        checkSalaries(filters);
        assertThat(driver.getCurrentUrl()).contains("page=7", "offres_dispo_only=true", "code_region=11");
        assertOnlyTheServiceWasRequested();
    }

    @Test
    @Order(5)
    void showsTheApisMessageForARefusedCode() {
        assertThat(consoleErrors()).isEmpty();
        open("/dashboard?code_insee=99999");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-etat")).isEqualTo("erreur");
        assertThat(driver.findElement(By.id("erreur")).getText()).isEqualTo("Filtre refusé par l'API : Les codes insee ['99999'] sont invalides.");
        // the browser reports the refused requests themselves; nothing else
        assertThat(consoleErrors()).isNotEmpty().allSatisfy(message -> assertThat(message).contains("status of 400"));
    }

    @Test
    @Order(6)
    void fitsAPhoneScreenOnEveryPage() {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (int page = 1; page <= 7; page++) {
                open("/dashboard?page=" + page);
                assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("page %d is wider than the screen", page).isTrue();
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 1000));
        }
        assertThat(consoleErrors()).isEmpty();
    }

    // --- the checks ---

    private static void checkPageOne(Map<String, List<String>> filters) throws Exception {
        checkCards(filters);
        Map<String, Long> days = new LinkedHashMap<>();
        api("/stats/offres_par_jour_creation", filters).forEach(day -> days.put(day.path("nom_jour").asText(), day.path("nb_offres").asLong()));
        List<List<String>> shown = figures("jour");
        assertThat(shown).hasSize(7);
        Map<String, Long> drawn = new LinkedHashMap<>();
        shown.forEach(row -> drawn.put(row.get(0), number(row.get(1))));
        assertThat(drawn).isEqualTo(days);
        assertThat(new ArrayList<>(drawn.values())).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(numbers(figures("metier"))).isEqualTo(numbers(rows(api("/stats/offres_par_metier", filters), "metier_data", "nb_offres")));
    }

    /** The salary counts and quartiles per métier, and the brackets, as the API's JSON gives them. */
    private static void checkSalaries(Map<String, List<String>> filters) throws Exception {
        checkCards(filters);
        JsonNode salaries = api("/stats/salaires", filters);
        List<List<String>> counts = new ArrayList<>();
        List<List<String>> quartiles = new ArrayList<>();
        for (JsonNode row : salaries) {
            long read = row.path("nb_salaires").asLong();
            long unread = row.path("nb_textes_non_lus").asLong();
            counts.add(List.of(metier(row), Long.toString(read), Long.toString(unread),
                    Long.toString(row.path("nb_offres").asLong() - read - unread)));
            quartiles.add(List.of(metier(row), row.path("premier_quartile").asText("–"), row.path("mediane").asText("–"),
                    row.path("troisieme_quartile").asText("–")));
        }
        assertThat(counts).as("offers with a salary read, not read, without one").isNotEmpty();
        assertThat(table("salaires-lus")).isEqualTo(counts);
        assertThat(table("salaires-quartiles")).isEqualTo(quartiles);
        // every bracket of the answer, with its count; the brackets in between that no offer falls in: 0
        List<List<String>> brackets = new ArrayList<>();
        for (JsonNode row : api("/stats/salaires/tranches", filters)) {
            long from = row.path("tranche").asLong();
            brackets.add(List.of(from + " à " + (from + 4999) + " €", metier(row), row.path("nb_offres").asText()));
        }
        List<List<String>> shown = table("salaires-tranches");
        assertThat(shown).containsAll(brackets);
        assertThat(shown).filteredOn(row -> !brackets.contains(row)).allSatisfy(row -> assertThat(row.get(2)).isEqualTo("0"));
    }

    /** The API's trend rows as the page's table writes them: date, métier, offers available, offers new. */
    private static List<List<String>> trends(JsonNode answer) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : answer) {
            String[] date = row.path("date_extraction").asText().split("-");
            rows.add(List.of(date[2] + "/" + date[1] + "/" + date[0], metier(row),
                    row.path("nb_offres_dispo").asText(), row.path("nb_offres_nouvelles").asText()));
        }
        return rows;
    }

    private static String metier(JsonNode row) {
        return row.path("metier_data").isNull() ? "(vide)" : row.path("metier_data").asText();
    }

    private static void checkCards(Map<String, List<String>> filters) throws Exception {
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-etat")).isEqualTo("pret");
        assertThat(number(driver.findElement(By.id("nb-offres")).getText())).isEqualTo(api("/stats/total_offres", filters).path("total").asLong());
        Map<String, List<String>> available = new LinkedHashMap<>(filters);
        available.put("offres_dispo_only", List.of("true"));
        assertThat(number(driver.findElement(By.id("offres-dispo")).getText())).isEqualTo(api("/stats/total_offres", available).path("total").asLong());
        String[] date = api("/about", Map.of()).path("derniere_mise_a_jour").asText().split("-");
        assertThat(driver.findElement(By.id("derniere-extraction")).getText()).isEqualTo(date[2] + "/" + date[1] + "/" + date[0]);
        String search = new URI(driver.getCurrentUrl()).getRawQuery();
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            for (String value : filter.getValue()) {
                assertThat(search).as("the address keeps the filters").contains(filter.getKey() + "=" + value);
            }
        }
    }

    /** Shown rows: each equals the API's figure for its label; the n largest, in order (ties in any order). */
    private static void assertTop(List<List<String>> shown, Map<String, Long> expected, int n) {
        assertThat(shown).hasSize(Math.min(n, expected.size()));
        List<Long> counts = new ArrayList<>();
        for (List<String> row : shown) {
            assertThat(expected).as(row.get(0)).containsKey(row.get(0));
            assertThat(number(row.get(1))).as(row.get(0)).isEqualTo(expected.get(row.get(0)));
            counts.add(number(row.get(1)));
        }
        assertThat(counts).isSortedAccordingTo(Comparator.reverseOrder());
        List<Long> all = expected.values().stream().sorted(Comparator.reverseOrder()).toList();
        assertThat(counts).isEqualTo(all.subList(0, counts.size()));
    }

    /** The API's criteria rows added up per label, for one requirement code ("vide": none) or all. */
    private static Map<String, Long> perLabel(JsonNode rows, String labelField, String requirement) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            JsonNode code = row.path("code_exigence");
            boolean kept = requirement == null || (requirement.equals("vide") ? code.isNull() || code.isMissingNode()
                    : requirement.equals(code.asText()));
            if (kept) {
                sums.merge(row.path(labelField).isNull() ? "(vide)" : row.path(labelField).asText(), row.path("nb_occurences").asLong(), Long::sum);
            }
        }
        return sums;
    }

    private static List<List<String>> rows(JsonNode answer, String label, String value) {
        List<List<String>> rows = new ArrayList<>();
        answer.forEach(row -> rows.add(List.of(row.path(label).asText(), row.path(value).asText())));
        return rows;
    }

    private static List<Long> numbers(List<List<String>> rows) {
        return rows.stream().map(row -> number(row.get(1))).toList();
    }

    /** "1 234" as French formatting writes it (narrow no-break space) or as the API does. */
    private static long number(String text) {
        return Long.parseLong(text.replaceAll("[\\s\\u202f\\u00a0]", ""));
    }

    /** The rows of a chart's table of values: label and number of offers (read as the page writes it, in French). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> figures(String id) {
        List<List<String>> rows = (List<List<String>>) js("return [...document.querySelectorAll('#" + id + " tbody tr')]"
                + ".map(tr => [...tr.cells].map(cell => cell.textContent))");
        return rows.stream().map(row -> List.of(row.get(0), Long.toString(number(row.get(1))))).toList();
    }

    /**
     * All the cells of a chart's table of values, the digits of French figures together: "1 234 (56,7 %)" and
     * "45 000 €" as 1234 and 45000, "35 000 à 39 999 €" as "35000 à 39999 €"; a dash (no figure) as it is.
     */
    @SuppressWarnings("unchecked")
    private static List<List<String>> table(String id) {
        List<List<String>> rows = (List<List<String>>) js("return [...document.querySelectorAll('#" + id + " tbody tr')]"
                + ".map(tr => [...tr.cells].map(cell => cell.textContent))");
        return rows.stream().map(row -> row.stream().map(cell -> {
            String grouped = cell.replaceAll("(?<=\\d)[\\s\\u202f\\u00a0](?=\\d{3})", "");
            return grouped.matches("\\d+( \\(.*\\)|[\\s\\u202f\\u00a0]€)?") ? grouped.replaceFirst("\\D.*", "") : grouped;
        }).toList()).toList();
    }

    private static JsonNode api(String path, Map<String, List<String>> filters) throws Exception {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, values) -> values.forEach(value -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value)));
        HttpResponse<String> response = app.get(path + query, "Accept", "application/json");
        assertThat(response.statusCode()).as(path + query).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    // --- driving the page ---

    private static void open(String path) {
        driver.get(app.url(path));
        awaitRender(0);
    }

    /** Does something on the page and waits until the page has drawn the new state. */
    private static void change(Runnable action) {
        long before = rendered();
        action.run();
        awaitRender(before);
    }

    private static void awaitRender(long after) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> rendered() > after
                && !"chargement".equals(driver.findElement(By.tagName("body")).getAttribute("data-etat")));
    }

    private static long rendered() {
        String value = driver.findElement(By.tagName("body")).getAttribute("data-rendu");
        return value == null ? 0 : Long.parseLong(value);
    }

    private static WebElement option(String select, String value) {
        return driver.findElement(By.cssSelector("select[name='" + select + "'] option[value='" + value + "']"));
    }

    /** Types codes in a field and presses Enter, as a keyboard user does. */
    private static void type(String field, String text) {
        WebElement input = driver.findElement(By.name(field));
        input.clear();
        input.sendKeys(text, Keys.ENTER);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void assertOnlyTheServiceWasRequested() {
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) js("return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name))");
        assertThat(requested).hasSizeGreaterThan(5).allSatisfy(url -> assertThat(url).startsWith(app.url("/")));
        assertThat(requested).anySatisfy(url -> assertThat(url).endsWith("/dashboard/echarts.min.js"));
        assertThat(consoleErrors()).isEmpty();
    }

    /** The browser console's errors since the last call (JavaScript errors, failed requests). */
    private static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
