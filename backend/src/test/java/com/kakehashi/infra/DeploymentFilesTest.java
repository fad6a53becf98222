package com.kakehashi.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images cannot be built and Kubernetes cannot run on the build machine, so the deployment files
 * are checked as text: the Ingress publishes the respondent pages, and the images' build context
 * and Dockerfiles keep the file that gives the backend its Swagger UI.
 */
class DeploymentFilesTest {

    private static final Path INFRA = Path.of("..", "infra");
    private static final String BACKEND_SERVICE = "kakehashi-backend";

    // ---- Ingress ----

    @ParameterizedTest
    @ValueSource(strings = {"/s/Zm9vYmFyLXRva2Vu", "/s/assets/respond.css", "/api/v1/me", "/swagger-ui/index.html"})
    void ingressRoutesPublicBackendPathsToTheBackendService(String path) throws IOException {
        assertThat(serviceFor(path)).as(path).contains(BACKEND_SERVICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/prometheus", "/sx/abc"})
    void ingressKeepsInternalPathsOffTheBackend(String path) throws IOException {
        assertThat(serviceFor(path)).as(path).isEmpty();
    }

    @Test
    void ingressNoLongerSaysRespondentPagesAreMissing() throws IOException {
        assertThat(Files.readString(INFRA.resolve("k8s/ingress.yaml"))).doesNotContain("when the pulse engine ships");
    }

    /** The service the backend host's Ingress sends a path to: the longest matching rule, as Kubernetes does. */
    @SuppressWarnings("unchecked")
    private static Optional<String> serviceFor(String requestPath) throws IOException {
        String best = null;
        int bestLength = -1;
        for (Object document : new Yaml().loadAll(Files.readString(INFRA.resolve("k8s/ingress.yaml")))) {
            Map<String, Object> ingress = (Map<String, Object>) document;
            if (!"Ingress".equals(ingress.get("kind"))
                    || !"kakehashi-backend".equals(((Map<String, Object>) ingress.get("metadata")).get("name"))) {
                continue;
            }
            for (Map<String, Object> rule : (List<Map<String, Object>>) ((Map<String, Object>) ingress.get("spec")).get("rules")) {
                for (Map<String, Object> entry : (List<Map<String, Object>>) ((Map<String, Object>) rule.get("http")).get("paths")) {
                    String path = (String) entry.get("path");
                    if (matches((String) entry.get("pathType"), path, requestPath) && path.length() > bestLength) {
                        bestLength = path.length();
                        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) entry.get("backend")).get("service");
                        best = (String) service.get("name");
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Kubernetes path types: Exact is the whole path; Prefix matches whole path elements. */
    private static boolean matches(String type, String rulePath, String requestPath) {
        if ("Exact".equals(type)) {
            return rulePath.equals(requestPath);
        }
        String prefix = rulePath.endsWith("/") ? rulePath.substring(0, rulePath.length() - 1) : rulePath;
        return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/") || prefix.isEmpty();
    }

    // ---- images ----

    @ParameterizedTest
    @ValueSource(strings = {"backend.Dockerfile", "console.Dockerfile"})
    void imageBuildContextAndDockerfileKeepTheOpenApiProperties(String dockerfile) throws IOException {
        List<String> patterns = Files.readAllLines(INFRA.resolve("docker/" + dockerfile + ".dockerignore"));

        assertThat(inContext(patterns, "backend/openapi.properties")).isTrue();
        assertThat(inContext(patterns, "backend/src/main/resources/application.yml")).isTrue();
        assertThat(inContext(patterns, "backend/target/kakehashi-backend-0.1.0-SNAPSHOT.jar")).as("build output").isFalse();
        assertThat(inContext(patterns, ".env")).as("local secrets").isFalse();
        assertThat(Files.readAllLines(INFRA.resolve("docker/" + dockerfile)))
                .anyMatch(line -> line.startsWith("COPY ") && line.contains("backend/openapi.properties"));
        assertThat(Path.of("openapi.properties")).as("the file the images need exists").exists();
    }

    /**
     * Whether a file is sent to the image build, by the .dockerignore rules the files here use: the
     * last pattern that matches the path or one of its parent directories decides, "!" re-includes.
     */
    static boolean inContext(List<String> lines, String file) {
        boolean included = true;
        for (String line : lines) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean negated = pattern.startsWith("!");
            String glob = (negated ? pattern.substring(1) : pattern).replaceAll("/+$", "");
            if (matchesItselfOrAParent(glob, file)) {
                included = negated;
            }
        }
        return included;
    }

    private static boolean matchesItselfOrAParent(String glob, String file) {
        Pattern regex = Pattern.compile(toRegex(glob));
        List<String> candidates = new ArrayList<>();
        for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
            candidates.add(file.substring(0, slash));
        }
        candidates.add(file);
        return candidates.stream().anyMatch(candidate -> regex.matcher(candidate).matches());
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Test
    void dockerignoreReadingFollowsLastMatchWins() {
        List<String> rules = List.of("*", "!backend/src/main/", "backend/src/main/generated/", "# comment");

        assertThat(inContext(rules, "README.md")).isFalse();
        assertThat(inContext(rules, "backend/src/main/java/A.java")).isTrue();
        assertThat(inContext(rules, "backend/src/main/generated/B.java")).isFalse();
        assertThat(inContext(List.of(), "anything")).isTrue();
    }
}
