#!/usr/bin/env bash
# Starts the Hawtio 4 web console connected to a running jobmarket's Jolokia endpoint.
# Everything comes from Maven Central through Maven (~/.m2): the io.hawt:hawtio-default war and Tomcat embedded.
#   scripts/hawtio.sh                                   # Hawtio on http://127.0.0.1:8090, service on localhost:8080
#   HAWTIO_PORT=9000 JOLOKIA_URL=http://host:8081/observe/jolokia scripts/hawtio.sh
# Open http://localhost:8090/ : it registers the connection "jobmarket" and opens Hawtio's Camel view.
# A service on this machine answers Hawtio's proxy on loopback without credentials. A service elsewhere must run
# with JOBMARKET_JOLOKIA_EXPOSED=true: Hawtio then shows its login form (any user name, the admin token as password).
# Hawtio listens on 127.0.0.1 only (HAWTIO_HOST to change it): it has no login, and its proxy reaches Jolokia from here.
set -euo pipefail
cd "$(dirname "$0")/.."

HAWTIO_VERSION="${HAWTIO_VERSION:-4.2.0}"
TOMCAT_VERSION="${TOMCAT_VERSION:-11.0.27}"
HAWTIO_PORT="${HAWTIO_PORT:-8090}"
HAWTIO_HOST="${HAWTIO_HOST:-127.0.0.1}"
JOLOKIA_URL="${JOLOKIA_URL:-http://localhost:8080/observe/jolokia}"
REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
jolokia_host="$(echo "$JOLOKIA_URL" | sed -E 's#^[a-z]+://([^:/]+).*#\1#')"

fetch() {
  mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get -Dartifact="$1" >/dev/null
}
fetch "io.hawt:hawtio-default:${HAWTIO_VERSION}:war"
fetch "org.apache.tomcat.embed:tomcat-embed-core:${TOMCAT_VERSION}"

war="$REPO/io/hawt/hawtio-default/${HAWTIO_VERSION}/hawtio-default-${HAWTIO_VERSION}.war"
classpath="$REPO/org/apache/tomcat/embed/tomcat-embed-core/${TOMCAT_VERSION}/tomcat-embed-core-${TOMCAT_VERSION}.jar"
classpath="$classpath:$(ls "$REPO"/org/apache/tomcat/tomcat-annotations-api/"${TOMCAT_VERSION}"/*.jar)"

# No login in front of Hawtio (it listens on loopback for the operator's browser; the Jolokia policy limits what it
# can do); the proxy may reach only the service's host.
exec java -Dhawtio.authenticationEnabled=false \
  -Dhawtio.proxyAllowlist="localhost,127.0.0.1,${jolokia_host}" \
  -Dhawtio.localAddressProbing=false \
  -cp "$classpath" monitoring/hawtio/HawtioLauncher.java "$war" "$HAWTIO_PORT" "$JOLOKIA_URL" "$HAWTIO_HOST"
