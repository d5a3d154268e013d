# Build stage: the fat jar target/jobmarket.jar
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
RUN mvn -B -ntp -q -DskipTests package

# Run stage: a JRE and the jar, as an unprivileged user
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app jobmarket && mkdir -p /data && chown jobmarket /data
WORKDIR /app
COPY --from=build /build/target/jobmarket.jar /app/jobmarket.jar
USER jobmarket
ENV JOBMARKET_DATA_DIR=/data JOBMARKET_HTTP_PORT=8080
EXPOSE 8080
# bash only: no HTTP client needed in the image
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /observe/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-jar", "/app/jobmarket.jar"]
