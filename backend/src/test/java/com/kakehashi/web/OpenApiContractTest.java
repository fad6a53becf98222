package com.kakehashi.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the OpenAPI document the build generated and holds every operation to the API's conventions,
 * so a new endpoint cannot ship half-documented. Each failure names the operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

    private static final String SPEC = "META-INF/swagger/kakehashi-0.1.0.yml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** The only paths anyone may call without a token. */
    private static final Set<String> NO_TOKEN_PATHS = Set.of("/login");

    /**
     * POSTs that change the state of something that already exists (or exchange credentials) rather
     * than create a new addressable resource: they answer 200 with the changed resource. Every other
     * POST creates and must answer 201 with Location. Add a new action here only if it creates nothing.
     */
    private static final Set<String> POST_ACTIONS = Set.of("login", "agreeToAction", "startAction", "completeAction",
            "dropAction", "acknowledgeAlert", "resolveAlert", "deactivateParticipant", "importParticipants",
            "publishInstrumentVersion", "pauseSchedule", "resumeSchedule", "closeWave");

    private Map<String, Object> spec;

    @BeforeAll
    void readTheGeneratedDocument() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SPEC)) {
            assertThat(in).as("OpenAPI document on the classpath").isNotNull();
            spec = new Yaml().load(in);
        }
    }

    @Test
    void everyNullableSchemaSaysItsType() {
        // The build step backend/src/build/OpenApiNullableTypes.java adds it to nullable references.
        List<String> untyped = new ArrayList<>();
        untypedNullables(spec, "#", untyped);
        assertThat(untyped).as("nullable without type (OpenAPI 3.0 ignores nullable then)").isEmpty();
    }

    private static void untypedNullables(Object node, String path, List<String> untyped) {
        if (node instanceof Map<?, ?> schema) {
            if (Boolean.TRUE.equals(schema.get("nullable")) && !schema.containsKey("type")) {
                untyped.add(path);
            }
            schema.forEach((key, value) -> untypedNullables(value, path + "/" + key, untyped));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                untypedNullables(list.get(i), path + "/" + i, untyped);
            }
        }
    }

    @Test
    void everyOperationHasASummaryADescriptionAndAUniqueId() {
        List<String> failures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        eachOperation((name, op) -> {
            if (blank(op.get("summary"))) {
                failures.add(name + ": no summary");
            }
            if (blank(op.get("description"))) {
                failures.add(name + ": no description");
            }
            if (blank(op.get("operationId")) || !ids.add((String) op.get("operationId"))) {
                failures.add(name + ": missing or duplicate operationId");
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void aPostThatCreatesAnswers201WithLocationAndNever200() {
        List<String> failures = new ArrayList<>();
        eachOperation((name, op) -> {
            if (!name.startsWith("POST ") || POST_ACTIONS.contains(op.get("operationId"))) {
                return;
            }
            Map<String, Object> responses = map(op.get("responses"));
            Map<String, Object> created = map(responses.get("201"));
            if (created.isEmpty()) {
                failures.add(name + ": creates but documents no 201 (or belongs in POST_ACTIONS)");
            } else if (!map(created.get("headers")).containsKey("Location")) {
                failures.add(name + ": 201 without a Location header");
            }
            if (responses.containsKey("200")) {
                failures.add(name + ": creates but also documents 200");
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void aDeleteAnswers204AndNever200() {
        List<String> failures = new ArrayList<>();
        eachOperation((name, op) -> {
            if (!name.startsWith("DELETE ")) {
                return;
            }
            Map<String, Object> responses = map(op.get("responses"));
            if (!responses.containsKey("204") || responses.containsKey("200")) {
                failures.add(name + ": a delete documents " + responses.keySet().stream().filter(c -> c.startsWith("2")).toList()
                        + " instead of 204 alone");
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void anOperationBehindATokenDocuments401And403AsProblems() {
        List<String> failures = new ArrayList<>();
        eachOperation((name, op) -> {
            if (noToken(op)) {
                return;
            }
            Map<String, Object> responses = map(op.get("responses"));
            for (String code : List.of("401", "403")) {
                if (!responses.containsKey(code)) {
                    failures.add(name + ": needs a token but documents no " + code);
                }
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void anOperationInATenantDocuments404() {
        List<String> failures = new ArrayList<>();
        eachOperation((name, op) -> {
            if (name.contains(" /api/v1/tenants/{tenantId}") && !map(op.get("responses")).containsKey("404")) {
                failures.add(name + ": a tenant the caller may not enter answers 404, undocumented here");
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void everyErrorResponseIsAProblem() {
        List<String> failures = new ArrayList<>();
        eachOperation((name, op) -> map(op.get("responses")).forEach((code, response) -> {
            if (!code.startsWith("4") && !code.startsWith("5")) {
                return;
            }
            Map<String, Object> problem = map(map(map(response).get("content")).get(Problem.MEDIA_TYPE));
            if (!String.valueOf(map(problem.get("schema")).get("$ref")).endsWith("/Problem")) {
                failures.add(name + ": " + code + " is not documented as " + Problem.MEDIA_TYPE + " with the Problem schema");
            }
        }));
        assertThat(failures).isEmpty();
        assertThat(map(map(map(spec.get("components")).get("schemas")).get("Problem")).get("properties"))
                .as("the Problem schema has the record's fields")
                .satisfies(properties -> assertThat(map(properties).keySet())
                        .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors"));
    }

    @Test
    void exactlyTheNoTokenPathsSaySecurityIsEmpty() {
        List<String> failures = new ArrayList<>();
        assertThat(spec.get("security")).as("the document's default: a bearer token").isEqualTo(List.of(Map.of("bearer", List.of())));
        eachOperation((name, op) -> {
            String path = name.substring(name.indexOf(' ') + 1, name.indexOf(" ("));
            boolean listed = NO_TOKEN_PATHS.contains(path);
            if (listed && !noToken(op)) {
                failures.add(name + ": needs no token but does not say security: []");
            }
            if (!listed && noToken(op)) {
                failures.add(name + ": says security: [] but is not a no-token path");
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void theDocumentNamesItsServerAndLicense() {
        assertThat((List<?>) spec.get("servers")).isNotEmpty();
        assertThat(map(map(spec.get("info")).get("license"))).containsKey("name");
    }

    private static boolean noToken(Map<String, Object> op) {
        return op.get("security") instanceof List<?> security && security.isEmpty();
    }

    private void eachOperation(BiConsumer<String, Map<String, Object>> check) {
        map(spec.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
            if (METHODS.contains(method)) {
                Map<String, Object> operation = map(op);
                check.accept(method.toUpperCase() + " " + path + " (" + operation.get("operationId") + ")", operation);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
