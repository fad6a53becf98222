# syntax=docker/dockerfile:1.7
# Kakehashi console image (Vaadin on embedded Jetty). Build from the repository root:
#
#   docker build -f infra/docker/console.Dockerfile -t kakehashi-console:0.1.0 .
#
# Needs BuildKit (cache mounts, console.Dockerfile.dockerignore) and network access: the Vaadin
# plugin downloads Node.js and the npm packages for the production frontend bundle.

# ---- build ------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src

COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY backend/pom.xml backend/pom.xml
# micronaut-openapi reads it at compile time (Swagger UI views, property naming): without it the
# jar has no Swagger UI, and the OpenAPI document may differ from the one CI checked.
COPY backend/openapi.properties backend/openapi.properties
COPY admin-ui/pom.xml admin-ui/pom.xml
COPY backend/src/ backend/src/
COPY admin-ui/src/ admin-ui/src/

# Two passes on purpose. The console's API client is generated from the OpenAPI document that
# compiling the backend writes (backend/target/classes/META-INF/swagger/kakehashi-0.1.0.yml), and
# admin-ui/pom.xml decides whether to generate it (profile no-api-spec) when Maven starts, before
# any module is built. Compiling the backend first makes the file exist when the console build
# starts.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl backend compile

# vaadin-maven-plugin build-frontend produces the production bundle inside the jar; Node.js and
# npm's cache go to cache mounts.
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.vaadin \
    --mount=type=cache,target=/root/.npm \
    ./mvnw -B -ntp -pl admin-ui package -DskipTests \
 && mkdir -p /out \
 && cp admin-ui/target/kakehashi-admin-ui-0.1.0-SNAPSHOT.jar /out/kakehashi-admin-ui.jar \
 && cp -r admin-ui/target/lib /out/lib

# ---- run --------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 kakehashi \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
            --shell /usr/sbin/nologin kakehashi

WORKDIR /app
COPY --from=build --chmod=0444 /out/kakehashi-admin-ui.jar /app/kakehashi-admin-ui.jar
COPY --from=build /out/lib/ /app/lib/

# The console never connects to the database; it only needs the backend's URL. It logs plain
# text through slf4j-simple (KAKEHASHI_LOG_FORMAT does not apply to it).
ENV KAKEHASHI_CONSOLE_PORT=8081 \
    KAKEHASHI_API_URL=http://backend:8080 \
    VAADIN_USAGE_STATS_ENABLED=false \
    TZ=UTC

USER 10001:10001
EXPOSE 8081

# There is no health endpoint. The stylesheet is a static file: fetching it proves Jetty and the
# Vaadin servlet answer, without opening a Vaadin session per probe (GET / would).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${KAKEHASHI_CONSOLE_PORT}/console.css" || exit 1

# The class-path wildcard lib/* is expanded by the java launcher itself (no shell needed).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-cp", "/app/kakehashi-admin-ui.jar:/app/lib/*", "com.kakehashi.console.ConsoleApplication"]
