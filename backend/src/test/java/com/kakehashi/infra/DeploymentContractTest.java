package com.kakehashi.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment contract (issue 13, section 1): the shipped manifests, compose file, Dockerfiles
 * and .dockerignore files fit the backend and console as built. Each check is shown to fail on a
 * broken copy of infra/ in a temporary directory, with a message naming the file and the key.
 */
class DeploymentContractTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path INFRA = REPO.resolve("infra");

    @TempDir
    Path temp;

    @Test
    void theShippedFilesKeepTheContract() {
        assertThat(new DeploymentContract(INFRA, REPO).violations()).isEmpty();
    }

    @Test
    void theServedPrefixesComeFromTheOpenApiDocumentAndTheStaticMappings() {
        assertThat(new DeploymentContract(INFRA, REPO).publicPrefixes())
                .contains("/api/", "/login", "/s/", "/swagger/", "/swagger-ui/", "/s/assets/")
                .doesNotContain("/health", "/prometheus");
    }

    // ---- each check fails on a broken copy ----

    @Test
    void aPublicPathTheIngressDoesNotRouteFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/ingress.yaml"),
                "          - { path: /s/, pathType: Prefix, backend: { service: { name: kakehashi-backend, port: { name: http } } } }\n", "");

        assertThat(violations(infra)).contains("infra/k8s/ingress.yaml: /s/: served by the backend but not routed by any Ingress");
    }

    @Test
    void anApiPathRoutedToTheManagementPortFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/ingress.yaml"), "{ path: /login, pathType: Exact, backend: { service: { name: kakehashi-backend, port: { name: http } } } }",
                "{ path: /login, pathType: Exact, backend: { service: { name: kakehashi-console, port: { name: http } } } }");

        assertThat(violations(infra)).contains("infra/k8s/ingress.yaml: /login: routed to kakehashi-console:http, not to the backend");
    }

    @Test
    void publishingPrometheusThroughTheIngressFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/ingress.yaml"), "          - { path: /s/,",
                "          - { path: /prometheus, pathType: Exact, backend: { service: { name: kakehashi-backend, port: { name: http } } } }\n          - { path: /s/,");

        assertThat(violations(infra)).anyMatch(v -> v.startsWith("infra/k8s/ingress.yaml: /prometheus: management endpoint published"));
    }

    @Test
    void aProbeOnAPathTheAppDoesNotServeFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/backend.yaml"), "path: /health/liveness\n              port: management\n            periodSeconds: 20",
                "path: /healthz\n              port: management\n            periodSeconds: 20");
        edit(infra.resolve("k8s/console.yaml"), "path: /console.css\n              port: http\n            periodSeconds: 10",
                "path: /missing.css\n              port: http\n            periodSeconds: 10");
        edit(infra.resolve("compose.yaml"), "http://127.0.0.1:8080/health", "http://127.0.0.1:8080/ready");

        assertThat(violations(infra)).contains(
                "infra/k8s/backend.yaml: kakehashi-backend livenessProbe /healthz: the app does not serve this path",
                "infra/k8s/console.yaml: kakehashi-console readinessProbe /missing.css: the app does not serve this path",
                "infra/compose.yaml: backend healthcheck /ready: the app does not serve this path");
    }

    @Test
    void aHealthProbeOnTheApiPortFailsOnceManagementHasItsOwnPort() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/backend.yaml"), "path: /health\n              port: management", "path: /health\n              port: http");

        assertThat(violations(infra)).contains("infra/k8s/backend.yaml: kakehashi-backend readinessProbe /health: "
                + "management endpoints answer on the \"management\" port, not \"http\"");
    }

    @Test
    void aVariableNoAppReadsFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/configmap.yaml"), "  KAKEHASHI_DB_POOL_SIZE: \"10\"", "  KAKEHASHI_DB_POOL: \"10\"");
        edit(infra.resolve("k8s/configmap.yaml"), "  KAKEHASHI_API_URL:", "  KAKEHASHI_CONSOLE_API_URL:");
        edit(infra.resolve("compose.yaml"), "    KAKEHASHI_DB_POOL_SIZE: \"10\"", "    KAKEHASHI_POOL_SIZE: \"10\"");

        assertThat(violations(infra)).contains(
                "infra/k8s/configmap.yaml: KAKEHASHI_DB_POOL: in ConfigMap kakehashi-config but neither the backend nor the console reads it",
                "infra/k8s/backend.yaml: KAKEHASHI_DB_POOL: set for kakehashi-backend/backend (from configMapRef kakehashi-config) but the backend does not read it",
                "infra/k8s/console.yaml: KAKEHASHI_CONSOLE_API_URL: set for kakehashi-console/console (from configMapRef kakehashi-console-config) but the console does not read it",
                "infra/compose.yaml: backend.environment.KAKEHASHI_POOL_SIZE: the backend does not read it");
    }

    @Test
    void aConsoleSettingThatNeverReachesTheConsoleFails() throws IOException {
        // The console once read only two keys of a shared ConfigMap: KAKEHASHI_CONSOLE_BEHIND_PROXY did nothing.
        Path infra = copy();
        edit(infra.resolve("k8s/console.yaml"), "          envFrom:\n            - configMapRef:\n                name: kakehashi-console-config\n",
                "          env:\n            - name: KAKEHASHI_API_URL\n              valueFrom:\n                configMapKeyRef:\n"
                        + "                  name: kakehashi-console-config\n                  key: KAKEHASHI_API_URL\n");

        assertThat(violations(infra)).contains(
                "infra/k8s/configmap.yaml: KAKEHASHI_CONSOLE_BEHIND_PROXY: in ConfigMap kakehashi-console-config but no container that reads it receives it");
    }

    @Test
    void aRequiredVariableThatIsNotSetFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/secret.template.yaml"), "  KAKEHASHI_JWT_SECRET: \"REPLACE-ME\"", "  KAKEHASHI_JWT_SECRET_OLD: \"REPLACE-ME\"");

        assertThat(violations(infra)).contains(
                "infra/k8s/backend.yaml: KAKEHASHI_JWT_SECRET: required by the backend but not set for kakehashi-backend/backend");
    }

    @Test
    void ownerCredentialsInTheAppPodsOrMigrationsAtStartFail() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/backend.yaml"), "                name: kakehashi-secrets\n",
                "                name: kakehashi-secrets\n            - secretRef:\n                name: kakehashi-migration-secrets\n");
        edit(infra.resolve("k8s/backend.yaml"), "              value: \"false\"", "              value: \"true\"");
        edit(infra.resolve("compose.yaml"), "    <<: *app-db-credentials", "    <<: *db-credentials");

        assertThat(violations(infra)).contains(
                "infra/k8s/backend.yaml: KAKEHASHI_DB_OWNER_PASSWORD: app pods get the app role's credentials only (from secretRef kakehashi-migration-secrets)",
                "infra/k8s/backend.yaml: KAKEHASHI_MIGRATE: must be \"false\": the migration Job migrates, not the pods",
                "infra/compose.yaml: backend.environment.KAKEHASHI_DB_OWNER_PASSWORD: app replicas get the app role's credentials only");
    }

    @Test
    void noMigrationJobOrOneShotServiceFails() throws IOException {
        Path infra = copy();
        Files.delete(infra.resolve("k8s/migrate-job.yaml"));
        edit(infra.resolve("compose.yaml"), "    command: [\"migrate\"]\n", "");

        assertThat(violations(infra)).contains(
                "infra/k8s: Job: no Job runs the backend image with the argument \"migrate\"",
                "infra/compose.yaml: services: no one-shot service runs the backend image with the command \"migrate\"");
    }

    @Test
    void aMigrationJobWithoutTheOwnerFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/migrate-job.yaml"), "                name: kakehashi-migration-secrets", "                name: kakehashi-secrets");

        assertThat(violations(infra)).contains(
                "infra/k8s/migrate-job.yaml: KAKEHASHI_DB_OWNER_PASSWORD: the migration Job kakehashi-migrate needs it");
    }

    @Test
    void aMigrationJobWhoseInputsAreNotAppliedInTheFirstStepFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/configmap.yaml"), "    kakehashi.io/rollout-step: migrate\n", "");
        edit(infra.resolve("k8s/migrate-job.yaml"), "configMapKeyRef: { name: kakehashi-config, key: KAKEHASHI_DB_PORT }",
                "configMapKeyRef: { name: kakehashi-config, key: KAKEHASHI_DB_PORT_NUMBER }");

        assertThat(violations(infra)).contains(
                "infra/k8s/configmap.yaml: kakehashi.io/rollout-step: ConfigMap kakehashi-config is read by the migration Job but not applied with it",
                "infra/k8s/migrate-job.yaml: KAKEHASHI_DB_PORT: takes key KAKEHASHI_DB_PORT_NUMBER of kakehashi-config, which does not have it");
    }

    @Test
    void metricsOpenBeyondTheMonitoringNamespaceOrNoDefaultDenyFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/networkpolicy.yaml"), "              kubernetes.io/metadata.name: monitoring", "              team: anyone");
        edit(infra.resolve("k8s/networkpolicy.yaml"), "  podSelector: {}\n  policyTypes: [Ingress]", "  podSelector: {}\n  policyTypes: [Egress]");

        assertThat(violations(infra)).contains(
                "infra/k8s/networkpolicy.yaml: kakehashi-backend management: /prometheus reachable from [*], not only the monitoring namespace",
                "infra/k8s/networkpolicy.yaml: podSelector: {}: no default-deny policy for incoming traffic");
    }

    @Test
    void theIngressControllerShutOutFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("k8s/networkpolicy.yaml"), "kubernetes.io/metadata.name: ingress-nginx", "kubernetes.io/metadata.name: elsewhere");

        assertThat(violations(infra)).contains(
                "infra/k8s/networkpolicy.yaml: kakehashi-backend http: the ingress controller cannot reach the pods",
                "infra/k8s/networkpolicy.yaml: kakehashi-console http: the ingress controller cannot reach the pods");
    }

    @Test
    void aFileTheImageBuildCopiesButTheDockerignoreExcludesFails() throws IOException {
        Path infra = copy();
        edit(infra.resolve("docker/backend.Dockerfile.dockerignore"), "!backend/openapi.properties\n", "");
        edit(infra.resolve("docker/console.Dockerfile.dockerignore"), "!backend/src/main/\n", "!backend/src/main/java/\n");

        assertThat(violations(infra)).contains(
                "infra/docker/backend.Dockerfile.dockerignore: backend/openapi.properties: excluded, but backend.Dockerfile copies it")
                .anyMatch(v -> v.startsWith("infra/docker/console.Dockerfile.dockerignore: backend/src/main/resources/")
                        && v.endsWith("excluded, but console.Dockerfile copies backend/src/ to build it"));
    }

    // ---- helpers ----

    private List<String> violations(Path infra) {
        return new DeploymentContract(infra, REPO).violations();
    }

    private Path copy() throws IOException {
        Path target = temp.resolve("infra");
        try (Stream<Path> files = Files.walk(INFRA)) {
            for (Path source : files.toList()) {
                Path destination = target.resolve(INFRA.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return target;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("the fixture text in " + file.getFileName()).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
