package fr.jobmarket.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service in a child JVM, as an operator runs it ({@code JobMarketApplication.main}), with its settings as
 * -D properties; its log lines are collected. Stopped with SIGTERM ({@link #terminate}) or SIGKILL ({@link #kill}).
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    /** The process's output goes to a file: a pipe would be closed by {@link Process#destroy()} before the last lines. */
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on {@code dataDir} and waits until it answers HTTP. */
    public static ServiceProcess start(Path dataDir, Map<String, String> settings) {
        int port = TestApplication.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djobmarket.data.dir=" + dataDir, "-Djobmarket.http.port=" + port, "-Djobmarket.db.embedded-port=0",
                "-Djobmarket.harvest.cron=0 0 0 1 1 ? 2099"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("fr.jobmarket.JobMarketApplication");
        ServiceProcess service;
        try {
            Path log = Files.createTempFile("jobmarket-service", ".log");
            service = new ServiceProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!service.process.isAlive()) {
                throw new IllegalStateException("the service ended at start-up:\n" + String.join("\n", service.lines()));
            }
            try {
                if (service.get("/about").statusCode() == 200) {
                    return service;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            sleep(200);
        }
        service.kill();
        throw new IllegalStateException("the service did not answer within 2 minutes:\n" + String.join("\n", service.lines()));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        return TestApplication.send(http, request, headers);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The log lines so far. */
    public List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a log line contains {@code text}. */
    public void awaitLine(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines().stream().noneMatch(line -> line.contains(text))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no log line with '" + text + "':\n" + String.join("\n", lines()));
            }
            sleep(50);
        }
    }

    /** SIGTERM, as an operator's stop or a container runtime sends it; returns the time the process took to exit. */
    public Duration terminate(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running " + timeout + " after SIGTERM:\n" + String.join("\n", lines()));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** SIGKILL: nothing of the service runs any more (its embedded PostgreSQL, if any, is left running). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
