package fr.jobmarket.sandbox;

import fr.jobmarket.config.Settings;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the sandbox routes ({@code routes/sandbox.camel.yaml}) to {@link SandboxApi}: reads the query,
 * form and Authorization header of the HTTP request, writes back status, headers and body. In live mode
 * (France Travail credentials configured) every sandbox path answers 404 and no data set is built.
 */
public final class SandboxHttp {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttp.class);
    /** Paths under the product's HTTP port; the harvester's sandbox URLs are built from them. */
    public static final String TOKEN_PATH = "/sandbox/connexion/oauth2/access_token";
    public static final String API_PATH = "/sandbox/partenaire/offresdemploi/v2";
    public static final String GEOCODER_PATH = "/sandbox/geocoder";

    private final SandboxApi api;

    public SandboxHttp(Settings settings) {
        if (settings.liveMode()) {
            this.api = null;
            return;
        }
        long started = System.nanoTime();
        int size = settings.integer("jobmarket.sandbox.offers");
        int rate = settings.integer("jobmarket.sandbox.rate-limit");
        this.api = new SandboxApi(new SyntheticOffers(size), rate, System::nanoTime);
        LOG.warn("SANDBOX: serving {} SYNTHETIC France Travail offers (not real data) at {}{} and {}, at most {} requests/s;"
                        + " planned in {} ms", size, baseUrl(settings), API_PATH, TOKEN_PATH, rate,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Token URL the harvester uses in sandbox mode, France Travail's realm included. */
    public static String tokenUrl(Settings settings) {
        return baseUrl(settings) + TOKEN_PATH + "?realm=/partenaire";
    }

    /** Base of the search API in sandbox mode (append /offres/search as for the real one). */
    public static String apiUrl(Settings settings) {
        return baseUrl(settings) + API_PATH;
    }

    /** Base of the reverse geocoder in sandbox mode (append /reverse as for the Géoplateforme geocoder). */
    public static String geocoderUrl(Settings settings) {
        return baseUrl(settings) + GEOCODER_PATH;
    }

    private static String baseUrl(Settings settings) {
        return "http://127.0.0.1:" + settings.httpPort();
    }

    public void token(Exchange exchange) {
        if (api == null) {
            notFound(exchange);
            return;
        }
        Message in = exchange.getMessage();
        Map<String, String> form = new HashMap<>();
        String body = in.getBody(String.class);
        if (body != null && body.contains("=")) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    form.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
        }
        for (String field : new String[] {"grant_type", "client_id", "client_secret", "scope"}) {
            String fromHeader = in.getHeader(field, String.class);
            if (fromHeader != null && !form.containsKey(field)) {
                form.put(field, fromHeader);
            }
        }
        answer(exchange, api.token(form));
    }

    public void search(Exchange exchange) {
        if (api == null) {
            notFound(exchange);
            return;
        }
        Message in = exchange.getMessage();
        Map<String, String> query = new HashMap<>();
        for (String name : new String[] {"appellation", "paysContinent", "range", "minCreationDate", "maxCreationDate", "departement"}) {
            String value = in.getHeader(name, String.class);
            if (value != null) {
                query.put(name, value);
            }
        }
        answer(exchange, api.search(query, in.getHeader("Authorization", String.class)));
    }

    public void stats(Exchange exchange) {
        if (api == null) {
            notFound(exchange);
            return;
        }
        answer(exchange, api.stats());
    }

    public void resetStats(Exchange exchange) {
        if (api == null) {
            notFound(exchange);
            return;
        }
        answer(exchange, api.resetStats());
    }

    public void reverse(Exchange exchange) {
        if (api == null) {
            notFound(exchange);
            return;
        }
        Message in = exchange.getMessage();
        answer(exchange, api.reverse(in.getHeader("lon", String.class), in.getHeader("lat", String.class)));
    }

    /**
     * POST /reverse/csv: the CSV file uploaded in the multipart form. The platform-http consumer has saved it to a
     * temporary file and attached it to the message; it is read once, then removed.
     */
    public void reverseCsv(Exchange exchange) throws IOException {
        if (api == null) {
            notFound(exchange);
            return;
        }
        AttachmentMessage in = exchange.getMessage(AttachmentMessage.class);
        List<String> uploads = in.hasAttachments() ? List.copyOf(in.getAttachmentNames()) : List.of();
        String csv = null;
        for (String name : uploads) {
            DataHandler upload = in.getAttachment(name);
            if (csv == null) {
                try (InputStream content = upload.getInputStream()) {
                    csv = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            if (upload.getDataSource() instanceof FileDataSource file) {
                Files.deleteIfExists(file.getFile().toPath());
            }
            in.removeAttachment(name);
        }
        answer(exchange, csv == null
                ? SandboxResponse.json(400, "{\"code\":400,\"message\":\"Failed parsing query\",\"detail\":[\"data: a CSV file is required\"]}")
                : SandboxReverseCsv.answer(csv));
    }

    private static void answer(Exchange exchange, SandboxResponse response) {
        Message out = exchange.getMessage();
        // request headers (Authorization included) must not be echoed in the response
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        response.headers().forEach(out::setHeader);
        out.setBody(response.body());
    }

    private static void notFound(Exchange exchange) {
        answer(exchange, SandboxResponse.json(404, SandboxApi.error(404, "The sandbox only runs without France Travail credentials.")));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
