import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the Hawtio 4 web console (io.hawt:hawtio-default war from Maven Central) in an embedded Tomcat, and serves
 * at "/" a page that registers the jobmarket Jolokia endpoint as a Hawtio connection and opens it: Hawtio then
 * reaches the service through its own proxy (-Dhawtio.proxyAllowlist must name the host).
 * Hawtio has no login of its own here and its proxy calls Jolokia from this machine: it listens on loopback unless
 * told otherwise (the container listens on all its interfaces, its port being published on the host's loopback only).
 * Single-file program: java -cp <tomcat-embed-core jars> HawtioLauncher.java <war> <port> <jolokia url> [<listen address>]
 */
public class HawtioLauncher {

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        java.net.URI jolokia = java.net.URI.create(args[2]);
        String address = args.length > 3 ? args[3] : "127.0.0.1";

        Path base = Files.createTempDirectory("hawtio-tomcat");
        Files.createDirectories(base.resolve("webapps"));
        Path root = Files.createDirectories(base.resolve("root"));
        String connection = "{\"jobmarket\":{\"name\":\"jobmarket\",\"scheme\":\"" + jolokia.getScheme() + "\",\"host\":\""
                + jolokia.getHost() + "\",\"port\":" + port(jolokia) + ",\"path\":\"" + jolokia.getPath() + "\"}}";
        Files.writeString(root.resolve("index.html"), """
                <!doctype html><html><head><meta charset="utf-8"><title>jobmarket - Hawtio</title></head><body>
                <script>
                  const connections = JSON.parse(localStorage.getItem('connect.connections') || '{}');
                  Object.assign(connections, %s);
                  localStorage.setItem('connect.connections', JSON.stringify(connections));
                  location.replace('/hawtio/camel/routes?con=jobmarket');
                </script>
                <noscript>Hawtio needs JavaScript.</noscript></body></html>
                """.formatted(connection), StandardCharsets.UTF_8);

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", address);
        tomcat.addWebapp("/hawtio", war.toAbsolutePath().toString());
        Context welcome = tomcat.addContext("", root.toString());
        Tomcat.addServlet(welcome, "default", new org.apache.catalina.servlets.DefaultServlet());
        welcome.addServletMappingDecoded("/", "default");
        welcome.addWelcomeFile("index.html");
        tomcat.start();
        System.out.println("Hawtio on http://" + address + ":" + port + "/ connected to " + jolokia);
        tomcat.getServer().await();
    }

    private static int port(java.net.URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
