package fr.jobmarket.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

import java.util.concurrent.TimeUnit;

/**
 * The Vert.x instance the HTTP server runs on, bound in the registry where camel-platform-http-vertx looks for one
 * before it creates its own. Its HTTP servers differ in two ways, both set here because Vert.x reads them when the
 * server starts listening, before any other hook runs:
 * <ul>
 * <li>a request Vert.x cannot parse (request line or headers too long, malformed request line) is answered with a
 * problem body ({@link HttpProblems#invalidRequest});</li>
 * <li>no HTTP/2 over clear text (h2c upgrade): a client asking for it (Java's HttpClient does) keeps HTTP/1.1, whose
 * errors reach the handler above, where Netty's HTTP/2 codec would answer an address too long with a bare 431.
 * Browsers speak HTTP/2 only over TLS.</li>
 * </ul>
 */
public final class ServerVertx extends VertxWrapper {

    /**
     * Vert.x workers run the HTTP routes (platform-http blocks one per request until its answer): more than the
     * clients the API is sized for (50), so requests waiting for a computed answer never hold them all (Vert.x: 20).
     */
    static final int WORKER_THREADS = 64;

    private ServerVertx(VertxInternal delegate) {
        super(delegate);
    }

    /**
     * Binds a new instance and a service that closes it when the context stops. Call before the HTTP server is added
     * (camel-main's beforeConfigure), so that the server stops first: Camel stops services in reverse order.
     */
    public static void bind(CamelContext context) throws Exception {
        ServerVertx vertx = new ServerVertx((VertxInternal) Vertx.vertx(new VertxOptions().setWorkerPoolSize(WORKER_THREADS)));
        context.getRegistry().bind("vertx", vertx);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }, true, false);
    }

    @Override
    public HttpServer createHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
        return super.createHttpServer(options).invalidRequestHandler(HttpProblems.invalidRequest(options));
    }

    @Override
    public HttpServer createHttpServer() {
        return createHttpServer(new HttpServerOptions());
    }
}
