# syntax=docker/dockerfile:1.7
# Kakehashi backend image. Build from the repository root (the build context must be the root):
#
#   docker build -f infra/docker/backend.Dockerfile -t kakehashi-backend:0.1.0 .
#
# Needs BuildKit (the default builder since Docker 23) for the cache mounts and for
# backend.Dockerfile.dockerignore next to this file. Tests are not run here: CI runs ./mvnw verify.

# ---- build ------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src

# The aggregator reads every module's pom, so both are copied even though only backend is built.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY backend/pom.xml backend/pom.xml
# micronaut-openapi reads it at compile time (Swagger UI views, property naming): without it the
# jar has no Swagger UI, and the OpenAPI document may differ from the one CI checked.
COPY backend/openapi.properties backend/openapi.properties
COPY admin-ui/pom.xml admin-ui/pom.xml
COPY backend/src/ backend/src/

# The Maven distribution (downloaded by the wrapper) and the dependencies live in a cache mount,
# so they survive between builds without ending up in a layer.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl backend package -DskipTests \
 && cp backend/target/kakehashi-backend-0.1.0-SNAPSHOT.jar /tmp/kakehashi-backend.jar

# ---- run --------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre

# curl for HEALTHCHECK only (the Temurin images ship neither curl nor wget).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 kakehashi \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
            --shell /usr/sbin/nologin kakehashi

WORKDIR /app
# Owned by root, readable by all: the process cannot modify its own code.
COPY --from=build --chmod=0444 /tmp/kakehashi-backend.jar /app/kakehashi-backend.jar

# Production defaults. Everything else (database, JWT secret, public URL) must come from the
# environment: see docs/operations.md. KAKEHASHI_DEMO is deliberately not set.
ENV KAKEHASHI_PORT=8080 \
    KAKEHASHI_LOG_FORMAT=json \
    TZ=UTC

USER 10001:10001
EXPOSE 8080

# /health answers 200 when the service and its database are up, 503 otherwise (no details to
# anonymous callers); on the management port when KAKEHASHI_MANAGEMENT_PORT is set. In demo mode
# (migrations at start) the first start takes longest, hence the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${KAKEHASHI_MANAGEMENT_PORT:-${KAKEHASHI_PORT}}/health" || exit 1

# The argument "migrate" (the Kubernetes Job, compose's migrate service) applies the schema
# migrations as the owner role and exits instead of serving.
# Exec form: java is PID 1 and receives SIGTERM directly. Memory follows the container limit.
# Extra JVM flags: set JDK_JAVA_OPTIONS (the launcher then prints one "NOTE: Picked up" line that
# is not JSON).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-jar", "/app/kakehashi-backend.jar"]
