package fr.jobmarket.support;

import fr.jobmarket.JobMarketApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole application started in the test JVM on a fresh data directory, an embedded PostgreSQL on
 * any free port and a free HTTP port; real HTTP on loopback.
 */
public final class TestApplication implements AutoCloseable {

    private final JobMarketApplication application;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApplication(JobMarketApplication application, int port) {
        this.application = application;
        this.port = port;
    }

    public static TestApplication start() {
        return start(Map.of());
    }

    public static TestApplication start(Map<String, String> overrides) {
        int port = freePort();
        Map<String, String> values = new HashMap<>();
        values.put("jobmarket.http.port", Integer.toString(port));
        values.putAll(overrides);
        return new TestApplication(JobMarketApplication.start(TestDatabase.settings(values)), port);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JobMarketApplication application() {
        return application;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * The same address on an IPv4 address of this machine other than loopback (the service listens on all of them);
     * empty when the machine has none.
     */
    public Optional<String> nonLoopbackUrl(String path) {
        try {
            return NetworkInterface.networkInterfaces().filter(TestApplication::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                    .findFirst().map(address -> "http://" + address.getHostAddress() + ":" + port + path);
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        return send(http, request, headers);
    }

    /** Sends {@code request} with {@code headers} (name, value, ...) and a 30 s timeout; the test service's client. */
    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        application.stop();
    }
}
