package fr.jobmarket.support;

import fr.jobmarket.geo.Coordinates;
import fr.jobmarket.geo.GeoReference;
import fr.jobmarket.geo.Place;
import fr.jobmarket.geo.PointGeocoder;
import fr.jobmarket.geo.ReverseGeocoding;
import fr.jobmarket.harvest.OfferBatch;
import fr.jobmarket.harvest.ProcessStage;
import fr.jobmarket.history.JsonArrayFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process stage's routes (process, geocode-batch, locate and their route configurations, as the service loads
 * them) in a Camel context of their own, with the geocoder's HTTP requests replaced by a {@link PointGeocoder}
 * answering in CSV (batch) and GeoCodeJSON (single): the routes, beans and answer parsing are the product's, only
 * the network is gone.
 */
public final class ProcessRoutes implements AutoCloseable {

    static final List<String> ROUTE_FILES = List.of("route-configurations", "process", "geocode-batch", "locate");

    private final CamelContext context;
    private final AtomicLong geocoderRequests;

    private ProcessRoutes(CamelContext context, AtomicLong geocoderRequests) {
        this.context = context;
        this.geocoderRequests = geocoderRequests;
    }

    public static ProcessRoutes start(GeoReference reference, PointGeocoder geocoder) {
        try {
            CamelContext context = new DefaultCamelContext();
            // no retry, and a rate limit that never waits: the figures are the pipeline's own work
            configure(context, reference, 0, 100_000);
            AtomicLong requests = new AtomicLong();
            AdviceWith.adviceWith(context, "geocoder-request", route -> route.weaveById("geocoder-http").replace()
                    .process(exchange -> {
                        requests.incrementAndGet();
                        answer(exchange, geocoder);
                    }));
            AdviceWith.adviceWith(context, "geocode-batch", route -> route.weaveById("geocode-batch-http").replace()
                    .process(exchange -> {
                        requests.incrementAndGet();
                        answerBatch(exchange, geocoder);
                    }));
            context.start();
            return new ProcessRoutes(context, requests);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the process routes: " + e.getMessage(), e);
        }
    }

    /**
     * Settings, beans and route files of the process stage in {@code context}; the geocoder's URL leads nowhere,
     * its endpoint is to be woven out.
     */
    public static void configure(CamelContext context, GeoReference reference, int geocoderRetries, int geocoderRate)
            throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jobmarket.geocoder.retries", Integer.toString(geocoderRetries));
        properties.setProperty("jobmarket.geocoder.rate-limit", Integer.toString(geocoderRate));
        properties.setProperty("jobmarket.geocoder.timeout-ms", "1000");
        properties.setProperty("geocoder.reverse-url", "http://127.0.0.1:9/reverse");
        properties.setProperty("geocoder.batch-timeout-ms", "1000");
        context.getPropertiesComponent().setInitialProperties(properties);
        ProcessStage.bind(context, reference);
        loadRoutes(context);
    }

    /** Loads the process stage's route files into {@code context}, route configurations first. */
    private static void loadRoutes(CamelContext context) throws Exception {
        Resource[] resources = new Resource[ROUTE_FILES.size()];
        for (int i = 0; i < resources.length; i++) {
            resources[i] = ResourceHelper.resolveMandatoryResource(context, "classpath:routes/" + ROUTE_FILES.get(i) + ".camel.yaml");
        }
        PluginHelper.getRoutesLoader(context).loadRoutes(resources);
    }

    /** The geocoder's answer for the point of the exchange, in GeoCodeJSON. */
    private static void answer(Exchange exchange, PointGeocoder geocoder) throws Exception {
        Coordinates point = exchange.getProperty(ReverseGeocoding.POINT, Coordinates.class);
        Optional<Place> place = geocoder.reverse(point.latitude(), point.longitude());
        var collection = JsonArrayFiles.MAPPER.createObjectNode().put("type", "FeatureCollection");
        var features = collection.putArray("features");
        place.ifPresent(found -> features.addObject().put("type", "Feature").putObject("properties")
                .put("citycode", found.codeInsee()).put("postcode", found.codePostal()));
        exchange.getMessage().setBody(JsonArrayFiles.MAPPER.writeValueAsString(collection));
    }

    /** The geocoder's answer for the points of a batch request, in CSV (the request's points are a route property). */
    @SuppressWarnings("unchecked")
    private static void answerBatch(Exchange exchange, PointGeocoder geocoder) {
        StringBuilder csv = new StringBuilder("lat,lon,result_label,result_postcode,result_citycode\n");
        for (Coordinates point : (List<Coordinates>) exchange.getProperty(ReverseGeocoding.POINTS, List.class)) {
            Optional<Place> place = geocoder.reverse(point.latitude(), point.longitude());
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,", point.latitude(), point.longitude()))
                    .append(place.map(found -> "\"" + found.codePostal() + " somewhere, France\","
                            + Objects.toString(found.codePostal(), "") + "," + Objects.toString(found.codeInsee(), "")).orElse(",,"))
                    .append('\n');
        }
        exchange.getMessage().setBody(csv.toString());
    }

    /** Runs the process route over {@code rawFiles}; throws what the route threw. */
    public OfferBatch.Result run(List<Path> rawFiles, LocalDate extractionDate, Path batchFile) throws Exception {
        return run(context, rawFiles, extractionDate, batchFile);
    }

    /** Runs the process route of {@code context} over {@code rawFiles}; throws what the route threw. */
    public static OfferBatch.Result run(CamelContext context, List<Path> rawFiles, LocalDate extractionDate, Path batchFile)
            throws Exception {
        Exchange done = context.createProducerTemplate().send("direct:process", exchange -> {
            exchange.getMessage().setBody(rawFiles);
            exchange.setProperty("extractionDate", extractionDate);
            exchange.setProperty("batchFile", batchFile);
        });
        if (done.getException() != null) {
            throw done.getException();
        }
        return done.getMessage().getBody(OfferBatch.Result.class);
    }

    /** Requests, batch and single, that reached the (replaced) geocoder endpoints. */
    public long geocoderRequests() {
        return geocoderRequests.get();
    }

    public CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }
}
