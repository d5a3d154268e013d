package fr.jobmarket.http;

import fr.jobmarket.api.AdminToken;
import fr.jobmarket.api.ApiProblem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.plugin.DefaultJolokiaPlatformHttpPlugin;
import org.apache.camel.component.platform.http.plugin.JolokiaPlatformHttpPlugin;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Jolokia at {@code /observe/jolokia}: Camel's own Jolokia plugin (jolokia-access.xml still decides which MBeans and
 * operations may be used), behind a check that runs before the request body is read. By default only callers on
 * loopback get through (403 for any other address); with {@code jobmarket.jolokia.exposed=true}, callers from any
 * address that present the admin token, as {@code Authorization: Bearer <token>} or as the password of Basic
 * credentials with any user name (what Hawtio sends after its login form): 401 without credentials, 403 with wrong ones.
 * <p>
 * Bound in the registry as {@value JolokiaPlatformHttpPlugin#NAME}, the name under which camel-platform-http looks its
 * Jolokia plugin up before its default one. Camel starts the plugin just before it adds the Jolokia route, so the check
 * is in place before Jolokia answers anything.
 */
public final class JolokiaAccess extends ServiceSupport implements JolokiaPlatformHttpPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaAccess.class);

    private final AdminToken adminToken;
    private final boolean exposed;
    private CamelContext camelContext;
    private DefaultJolokiaPlatformHttpPlugin jolokia;

    public JolokiaAccess(AdminToken adminToken, boolean exposed) {
        this.adminToken = adminToken;
        this.exposed = exposed;
    }

    @Override
    protected void doStart() {
        jolokia = new DefaultJolokiaPlatformHttpPlugin();
        jolokia.setCamelContext(camelContext);
        ServiceHelper.startService(jolokia);
        ManagementHttpServer management = camelContext.hasService(ManagementHttpServer.class);
        // Camel's Jolokia route reads the whole body first (no size limit): the check goes before it
        management.getRouter().route(management.getJolokiaPath() + "/*").order(-1).handler(this::check);
        LOG.info(exposed
                ? "Jolokia at {}: callers from any address with the admin token (jobmarket.jolokia.exposed=true)"
                : "Jolokia at {}: callers on loopback only (jobmarket.jolokia.exposed=false)", management.getJolokiaPath());
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(jolokia);
    }

    private void check(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (!exposed) {
            if (loopback(request.remoteAddress())) {
                routing.next();
            } else {
                refuse(routing, new ApiProblem(403, "Accès refusé", "Jolokia ne répond qu'aux appels locaux (loopback)."));
            }
            return;
        }
        switch (adminToken.checkCredentials(request.getHeader("Authorization"))) {
            case ACCEPTED -> routing.next();
            case MISSING -> {
                routing.response().putHeader("WWW-Authenticate", "Basic realm=\"jobmarket\"");
                refuse(routing, new ApiProblem(401, "Authentification requise", "Jolokia demande le jeton administrateur :"
                        + " 'Authorization: Bearer <jeton>', ou en Basic avec le jeton pour mot de passe (nom d'utilisateur libre)."));
            }
            case WRONG -> {
                LOG.warn("Jolokia: refused a call from {} with wrong credentials", request.remoteAddress().hostAddress());
                refuse(routing, new ApiProblem(403, "Accès refusé", "Le jeton administrateur fourni est incorrect."));
            }
        }
    }

    private static void refuse(RoutingContext routing, ApiProblem problem) {
        HttpProblems.write(routing.response(), problem, routing.request().path());
    }

    /** The peer's own address: forwarded-for headers are not trusted (Vert.x's default, kept by Camel). */
    static boolean loopback(SocketAddress peer) {
        if (peer == null || !peer.isInetSocket()) {
            return false;
        }
        try {
            return InetAddress.getByName(peer.hostAddress()).isLoopbackAddress(); // an IP literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Object getHandler() {
        return jolokia.getHandler();
    }

    @Override
    public String getId() {
        return NAME;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
