package com.kakehashi.infra;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deployment files read against the code, since neither images nor a cluster can run in CI.
 * {@link #violations()} lists every broken promise as "file: key: what is wrong"; empty means the
 * manifests, compose file, Dockerfiles and .dockerignore files fit the app as built.
 *
 * <p>{@code infra} is the directory checked (a broken copy in tests); {@code repo} is the checkout
 * whose backend and console define what is served and read.
 */
final class DeploymentContract {

    static final String BACKEND_IMAGE = "kakehashi-backend";
    static final String CONSOLE_IMAGE = "kakehashi-console";
    /** Served by the backend outside its OpenAPI document and static mappings. */
    static final List<String> HIDDEN_PUBLIC_PREFIXES = List.of("/s/", "/openapi", "/swagger-ui");
    /** Management endpoints: probes and Prometheus, never through the ingress. */
    static final List<String> MANAGEMENT_PATHS = List.of("/health", "/health/liveness", "/health/readiness", "/prometheus");
    /** Refused at start when missing outside the demo (bootstrap.StartupChecks), or dev-only defaults in application.yml. */
    static final List<String> REQUIRED_IN_PRODUCTION = List.of("KAKEHASHI_JWT_SECRET", "KAKEHASHI_DB_HOST",
            "KAKEHASHI_DB_APP_PASSWORD", "KAKEHASHI_PUBLIC_URL");
    static final Set<String> OWNER_ONLY = Set.of("KAKEHASHI_DB_OWNER_USER", "KAKEHASHI_DB_OWNER_PASSWORD",
            "KAKEHASHI_DB_ADMIN_USER", "KAKEHASHI_DB_ADMIN_PASSWORD");
    static final String ROLLOUT_STEP = "kakehashi.io/rollout-step";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(KAKEHASHI_[A-Z0-9_]+)(:)?");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"(KAKEHASHI_[A-Z0-9_]+)\"");

    private final Path infra;
    private final Path repo;
    private final List<String> violations = new ArrayList<>();

    DeploymentContract(Path infra, Path repo) {
        this.infra = infra;
        this.repo = repo;
    }

    List<String> violations() {
        List<Map<String, Object>> k8s = k8sObjects();
        Map<String, Object> compose = map(load(infra.resolve("compose.yaml")).get(0));
        routes(k8s);
        probes(k8s, compose);
        environment(k8s, compose);
        migrations(k8s, compose);
        networkPolicy(k8s);
        dockerignore();
        return List.copyOf(violations);
    }

    private void fail(String file, String key, String message) {
        violations.add(file + ": " + key + ": " + message);
    }

    // ---- what the backend serves ----

    /** Public path prefixes: first segments of the OpenAPI paths, the static mappings, the hidden pages. */
    Set<String> publicPrefixes() {
        Set<String> prefixes = new TreeSet<>();
        for (Path doc : list(repo.resolve("backend/target/classes/META-INF/swagger"), ".yml")) {
            for (String path : map(map(load(doc).get(0)).get("paths")).keySet()) {
                String[] segments = path.split("/");
                prefixes.add(segments.length > 2 ? "/" + segments[1] + "/" : "/" + segments[1]);
            }
        }
        if (prefixes.isEmpty()) {
            fail("backend/target/classes/META-INF/swagger", "*.yml", "no OpenAPI document: compile the backend first");
        }
        Map<String, Object> statics = map(path(map(load(repo.resolve("backend/src/main/resources/application.yml")).get(0)),
                "micronaut", "router", "static-resources"));
        for (Object mapping : statics.values()) {
            String pattern = String.valueOf(map(mapping).get("mapping"));
            prefixes.add(pattern.replaceAll("\\*\\*$", ""));
        }
        prefixes.addAll(HIDDEN_PUBLIC_PREFIXES);
        return prefixes;
    }

    /** A concrete request path under a prefix ("/api/" gives "/api/x"). */
    private static String sample(String prefix) {
        return prefix.endsWith("/") ? prefix + "x" : prefix;
    }

    private void routes(List<Map<String, Object>> k8s) {
        Map<String, Object> deployment = find(k8s, "Deployment", BACKEND_IMAGE);
        Map<String, Object> service = find(k8s, "Service", BACKEND_IMAGE);
        if (deployment == null || service == null) {
            fail("infra/k8s/backend.yaml", "Deployment/Service " + BACKEND_IMAGE, "missing");
            return;
        }
        Set<String> hosts = backendHosts(k8s);
        if (hosts.isEmpty()) {
            fail("infra/k8s/ingress.yaml", BACKEND_IMAGE, "no Ingress rule routes to the backend");
        }
        for (String host : hosts) {
            routes(k8s, deployment, service, host);
        }
    }

    /** Hosts with at least one Ingress rule sending traffic to the backend's Service. */
    static Set<String> backendHosts(List<Map<String, Object>> k8s) {
        Set<String> hosts = new TreeSet<>();
        for (Map<String, Object> ingress : all(k8s, "Ingress")) {
            for (Object rule : list(path(ingress, "spec", "rules"))) {
                for (Object entry : list(path(map(rule), "http", "paths"))) {
                    if (BACKEND_IMAGE.equals(path(map(entry), "backend", "service", "name"))) {
                        hosts.add(String.valueOf(map(rule).get("host")));
                    }
                }
            }
        }
        return hosts;
    }

    private void routes(List<Map<String, Object>> k8s, Map<String, Object> deployment, Map<String, Object> service, String host) {
        for (String prefix : publicPrefixes()) {
            String target = ingressTarget(k8s, host, sample(prefix));
            if (target == null) {
                fail("infra/k8s/ingress.yaml", prefix, "served by the backend but not routed by any Ingress");
            } else if (!target.startsWith(BACKEND_IMAGE + ":")) {
                fail("infra/k8s/ingress.yaml", prefix, "routed to " + target + ", not to the backend");
            } else if (!"http".equals(containerPortName(deployment, servicePortTarget(service, target.substring(target.indexOf(':') + 1))))) {
                fail("infra/k8s/ingress.yaml", prefix, "routed to a backend port that is not the API port \"http\"");
            }
        }
        for (String path : MANAGEMENT_PATHS) {
            String target = ingressTarget(k8s, host, path);
            if (target != null && target.startsWith(BACKEND_IMAGE + ":")) {
                fail("infra/k8s/ingress.yaml", path, "management endpoint published by an Ingress (" + target + ")");
            }
        }
    }

    /** service:port the Ingresses send a request for host and path to (longest matching rule, as Kubernetes does), or null. */
    static String ingressTarget(List<Map<String, Object>> k8s, String host, String requestPath) {
        String best = null;
        int bestLength = -1;
        for (Map<String, Object> ingress : all(k8s, "Ingress")) {
            for (Object rule : list(path(ingress, "spec", "rules"))) {
                if (!host.equals(String.valueOf(map(rule).get("host")))) {
                    continue;
                }
                for (Object entry : list(path(map(rule), "http", "paths"))) {
                    Map<String, Object> e = map(entry);
                    String path = String.valueOf(e.get("path"));
                    if (matches(String.valueOf(e.get("pathType")), path, requestPath) && path.length() > bestLength) {
                        bestLength = path.length();
                        Map<String, Object> service = map(path(e, "backend", "service"));
                        Map<String, Object> port = map(service.get("port"));
                        best = service.get("name") + ":" + (port.containsKey("name") ? port.get("name") : port.get("number"));
                    }
                }
            }
        }
        return best;
    }

    private static boolean matches(String type, String rulePath, String requestPath) {
        if ("Exact".equals(type)) {
            return rulePath.equals(requestPath);
        }
        String prefix = rulePath.endsWith("/") ? rulePath.substring(0, rulePath.length() - 1) : rulePath;
        return prefix.isEmpty() || requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
    }

    private static Object servicePortTarget(Map<String, Object> service, String portRef) {
        for (Object port : list(path(service, "spec", "ports"))) {
            Map<String, Object> p = map(port);
            if (portRef.equals(String.valueOf(p.get("name"))) || portRef.equals(String.valueOf(p.get("port")))) {
                return p.getOrDefault("targetPort", p.get("port"));
            }
        }
        return null;
    }

    /** The name of the container port a reference (name or number) points at, or null. */
    private static String containerPortName(Map<String, Object> deployment, Object ref) {
        for (Map<String, Object> container : containers(deployment)) {
            for (Object port : list(container.get("ports"))) {
                Map<String, Object> p = map(port);
                if (String.valueOf(ref).equals(String.valueOf(p.get("name"))) || String.valueOf(ref).equals(String.valueOf(p.get("containerPort")))) {
                    return String.valueOf(p.get("name"));
                }
            }
        }
        return null;
    }

    // ---- probes ----

    private void probes(List<Map<String, Object>> k8s, Map<String, Object> compose) {
        Set<String> consoleFiles = new TreeSet<>();
        Path consoleStatic = repo.resolve("admin-ui/src/main/resources/META-INF/resources");
        for (Path file : walk(consoleStatic)) {
            consoleFiles.add("/" + consoleStatic.relativize(file).toString().replace('\\', '/'));
        }
        for (Map<String, Object> deployment : all(k8s, "Deployment")) {
            String file = "infra/k8s/" + source(deployment);
            for (Map<String, Object> container : containers(deployment)) {
                boolean backend = image(container).startsWith(BACKEND_IMAGE);
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    Map<String, Object> get = map(path(map(container.get(probe)), "httpGet"));
                    if (get.isEmpty()) {
                        continue;
                    }
                    String path = String.valueOf(get.get("path"));
                    String key = name(deployment) + " " + probe + " " + path;
                    boolean served = backend ? MANAGEMENT_PATHS.contains(path) : consoleFiles.contains(path);
                    if (!served) {
                        fail(file, key, "the app does not serve this path");
                    }
                    String port = containerPortName(deployment, get.get("port"));
                    if (port == null) {
                        fail(file, key, "port " + get.get("port") + " is not a container port");
                    } else if (backend && managementPortSet(k8s, container) && !"management".equals(port)) {
                        fail(file, key, "management endpoints answer on the \"management\" port, not \"" + port + "\"");
                    }
                }
            }
        }
        for (Map.Entry<String, Object> service : map(compose.get("services")).entrySet()) {
            Map<String, Object> s = map(service.getValue());
            String image = String.valueOf(s.get("image"));
            Object test = map(s.get("healthcheck")).get("test");
            if (test == null || !(image.startsWith(BACKEND_IMAGE) || image.startsWith(CONSOLE_IMAGE))) {
                continue;
            }
            Matcher url = Pattern.compile("http://[^/\\s]+(/[^\\s\"|]*)").matcher(String.valueOf(test));
            if (url.find()) {
                String path = url.group(1);
                boolean served = image.startsWith(BACKEND_IMAGE) ? MANAGEMENT_PATHS.contains(path) : consoleFiles.contains(path);
                if (!served) {
                    fail("infra/compose.yaml", service.getKey() + " healthcheck " + path, "the app does not serve this path");
                }
            }
        }
    }

    private boolean managementPortSet(List<Map<String, Object>> k8s, Map<String, Object> container) {
        return delivered(k8s, container).containsKey("KAKEHASHI_MANAGEMENT_PORT");
    }

    // ---- environment ----

    /** Variables application*.yml reads, with whether they have a default; plus the ones Java code reads itself. */
    Map<String, Boolean> backendReads() {
        Map<String, Boolean> reads = new LinkedHashMap<>();
        List<Path> config = new ArrayList<>(list(repo.resolve("backend/src/main/resources"), ".yml"));
        config.addAll(list(repo.resolve("backend/src/main/resources"), ".xml"));
        for (Path yml : config) {
            Matcher m = PLACEHOLDER.matcher(read(yml));
            while (m.find()) {
                reads.merge(m.group(1), m.group(2) != null, Boolean::logicalOr);
            }
        }
        for (String name : javaLiterals(repo.resolve("backend/src/main/java"))) {
            reads.putIfAbsent(name, true);
        }
        return reads;
    }

    Set<String> consoleReads() {
        return javaLiterals(repo.resolve("admin-ui/src/main/java"));
    }

    private static Set<String> javaLiterals(Path dir) {
        Set<String> names = new TreeSet<>();
        for (Path java : walk(dir)) {
            if (java.toString().endsWith(".java")) {
                Matcher m = JAVA_LITERAL.matcher(read(java));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private void environment(List<Map<String, Object>> k8s, Map<String, Object> compose) {
        Map<String, Boolean> backend = backendReads();
        Set<String> console = consoleReads();
        for (Map<String, Object> workload : workloads(k8s)) {
            String file = "infra/k8s/" + source(workload);
            for (Map<String, Object> container : containers(workload)) {
                for (Object entry : list(container.get("env"))) {
                    for (String kind : List.of("configMapKeyRef", "secretKeyRef")) {
                        Map<String, Object> ref = map(path(map(entry), "valueFrom", kind));
                        if (ref.isEmpty()) {
                            continue;
                        }
                        Map<String, Object> source = find(k8s, kind.equals("configMapKeyRef") ? "ConfigMap" : "Secret", String.valueOf(ref.get("name")));
                        Map<String, Object> data = source == null ? Map.of() : map(source.getOrDefault("data", source.get("stringData")));
                        if (!data.containsKey(String.valueOf(ref.get("key")))) {
                            fail(file, String.valueOf(map(entry).get("name")), "takes key " + ref.get("key") + " of " + ref.get("name") + ", which does not have it");
                        }
                    }
                }
                String image = image(container);
                Map<String, String> env = delivered(k8s, container);
                String owner = name(workload) + "/" + container.get("name");
                if (image.startsWith(BACKEND_IMAGE)) {
                    env.keySet().stream().filter(v -> !backend.containsKey(v))
                            .forEach(v -> fail(file, v, "set for " + owner + " (from " + env.get(v) + ") but the backend does not read it"));
                    if (!isMigration(container)) {
                        requireAll(file, owner, env, backend);
                    }
                } else if (image.startsWith(CONSOLE_IMAGE)) {
                    env.keySet().stream().filter(v -> !console.contains(v))
                            .forEach(v -> fail(file, v, "set for " + owner + " (from " + env.get(v) + ") but the console does not read it"));
                }
            }
        }
        // A console setting in a ConfigMap that never reaches a console container is a setting that silently does nothing.
        for (Map<String, Object> configMap : all(k8s, "ConfigMap")) {
            for (String key : map(configMap.get("data")).keySet()) {
                boolean read = backend.containsKey(key) || console.contains(key);
                if (!read) {
                    fail("infra/k8s/" + source(configMap), key, "in ConfigMap " + name(configMap) + " but neither the backend nor the console reads it");
                }
                boolean reachesAReader = workloads(k8s).stream().flatMap(w -> containers(w).stream())
                        .anyMatch(c -> delivered(k8s, c).containsKey(key)
                                && (image(c).startsWith(BACKEND_IMAGE) ? backend.containsKey(key) : console.contains(key)));
                if (read && !reachesAReader) {
                    fail("infra/k8s/" + source(configMap), key, "in ConfigMap " + name(configMap) + " but no container that reads it receives it");
                }
            }
        }
        for (Map.Entry<String, Object> service : map(compose.get("services")).entrySet()) {
            Map<String, Object> s = map(service.getValue());
            String image = String.valueOf(s.get("image"));
            Set<String> env = composeEnvironment(s).keySet();
            if (image.startsWith(BACKEND_IMAGE)) {
                env.stream().filter(v -> !backend.containsKey(v))
                        .forEach(v -> fail("infra/compose.yaml", service.getKey() + ".environment." + v, "the backend does not read it"));
            } else if (image.startsWith(CONSOLE_IMAGE)) {
                env.stream().filter(v -> !console.contains(v))
                        .forEach(v -> fail("infra/compose.yaml", service.getKey() + ".environment." + v, "the console does not read it"));
            }
        }
    }

    private void requireAll(String file, String owner, Map<String, String> env, Map<String, Boolean> backend) {
        Set<String> required = new LinkedHashSet<>(REQUIRED_IN_PRODUCTION);
        backend.forEach((name, hasDefault) -> {
            if (!hasDefault) {
                required.add(name);
            }
        });
        required.stream().filter(v -> !env.containsKey(v))
                .forEach(v -> fail(file, v, "required by the backend but not set for " + owner));
    }

    /** Variable name to where it comes from, for one container: env entries, envFrom ConfigMaps and Secrets. */
    static Map<String, String> delivered(List<Map<String, Object>> k8s, Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container.get("envFrom"))) {
            Map<String, Object> f = map(from);
            for (String kind : List.of("configMapRef", "secretRef")) {
                if (f.containsKey(kind)) {
                    String ref = String.valueOf(map(f.get(kind)).get("name"));
                    Map<String, Object> source = find(k8s, kind.equals("configMapRef") ? "ConfigMap" : "Secret", ref);
                    Map<String, Object> data = source == null ? Map.of()
                            : map(source.getOrDefault("data", source.get("stringData")));
                    data.keySet().forEach(k -> env.put(k, (source == null ? "missing " : "") + kind + " " + ref));
                    if (source == null) {
                        env.put("<" + kind + " " + ref + ">", "missing " + kind + " " + ref);
                    }
                }
            }
        }
        for (Object entry : list(container.get("env"))) {
            Map<String, Object> e = map(entry);
            env.put(String.valueOf(e.get("name")), "env");
        }
        return env;
    }

    private static Map<String, String> composeEnvironment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else {
            for (Object line : list(raw)) {
                String[] kv = String.valueOf(line).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    // ---- migrations and credentials ----

    private static boolean isMigration(Map<String, Object> container) {
        return list(container.get("args")).contains("migrate") || list(container.get("command")).contains("migrate");
    }

    private void migrations(List<Map<String, Object>> k8s, Map<String, Object> compose) {
        List<Map<String, Object>> jobs = all(k8s, "Job").stream()
                .filter(j -> containers(j).stream().anyMatch(c -> image(c).startsWith(BACKEND_IMAGE) && isMigration(c))).toList();
        if (jobs.isEmpty()) {
            fail("infra/k8s", "Job", "no Job runs the backend image with the argument \"migrate\"");
        }
        for (Map<String, Object> job : jobs) {
            // The rollout's first step applies only objects with this label: the Job must find what it reads.
            Object step = map(path(job, "metadata", "labels")).get(ROLLOUT_STEP);
            if (!"migrate".equals(step)) {
                fail("infra/k8s/" + source(job), ROLLOUT_STEP, "the migration Job " + name(job) + " must carry " + ROLLOUT_STEP + ": migrate");
            }
            for (Map<String, Object> namespace : all(k8s, "Namespace")) {
                if (!"migrate".equals(map(path(namespace, "metadata", "labels")).get(ROLLOUT_STEP))) {
                    fail("infra/k8s/" + source(namespace), ROLLOUT_STEP, "Namespace " + name(namespace) + " is not applied with the migration Job");
                }
            }
            for (Map<String, Object> c : containers(job)) {
                for (String configMap : configMapsReadBy(c)) {
                    Map<String, Object> cm = find(k8s, "ConfigMap", configMap);
                    if (cm != null && !"migrate".equals(map(path(cm, "metadata", "labels")).get(ROLLOUT_STEP))) {
                        fail("infra/k8s/" + source(cm), ROLLOUT_STEP, "ConfigMap " + configMap + " is read by the migration Job but not applied with it");
                    }
                }
                Map<String, String> env = delivered(k8s, c);
                for (String v : List.of("KAKEHASHI_DB_OWNER_USER", "KAKEHASHI_DB_OWNER_PASSWORD", "KAKEHASHI_DB_HOST")) {
                    if (!env.containsKey(v)) {
                        fail("infra/k8s/" + source(job), v, "the migration Job " + name(job) + " needs it");
                    }
                }
            }
        }
        for (Map<String, Object> deployment : all(k8s, "Deployment")) {
            for (Map<String, Object> c : containers(deployment)) {
                if (!image(c).startsWith(BACKEND_IMAGE)) {
                    continue;
                }
                Map<String, String> env = delivered(k8s, c);
                env.keySet().stream().filter(OWNER_ONLY::contains).forEach(v ->
                        fail("infra/k8s/" + source(deployment), v, "app pods get the app role's credentials only (from " + env.get(v) + ")"));
                if (!"false".equals(envValue(c, "KAKEHASHI_MIGRATE"))) {
                    fail("infra/k8s/" + source(deployment), "KAKEHASHI_MIGRATE", "must be \"false\": the migration Job migrates, not the pods");
                }
            }
        }
        Map<String, Object> services = map(compose.get("services"));
        String migrator = services.entrySet().stream()
                .filter(e -> String.valueOf(map(e.getValue()).get("image")).startsWith(BACKEND_IMAGE)
                        && list(map(e.getValue()).get("command")).contains("migrate"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (migrator == null) {
            fail("infra/compose.yaml", "services", "no one-shot service runs the backend image with the command \"migrate\"");
        }
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> s = map(e.getValue());
            if (!String.valueOf(s.get("image")).startsWith(BACKEND_IMAGE) || e.getKey().equals(migrator)) {
                continue;
            }
            Map<String, String> env = composeEnvironment(s);
            env.keySet().stream().filter(OWNER_ONLY::contains).forEach(v ->
                    fail("infra/compose.yaml", e.getKey() + ".environment." + v, "app replicas get the app role's credentials only"));
            if (!"false".equals(env.get("KAKEHASHI_MIGRATE"))) {
                fail("infra/compose.yaml", e.getKey() + ".environment.KAKEHASHI_MIGRATE", "must be \"false\": the " + migrator + " service migrates");
            }
        }
        if (migrator != null && services.containsKey("backend")) {
            Object condition = path(map(map(map(services.get("backend")).get("depends_on")).get(migrator)), "condition");
            if (!"service_completed_successfully".equals(condition)) {
                fail("infra/compose.yaml", "backend.depends_on." + migrator, "the backend must wait for the migration to complete");
            }
        }
    }

    private static Set<String> configMapsReadBy(Map<String, Object> container) {
        Set<String> names = new TreeSet<>();
        for (Object entry : list(container.get("env"))) {
            Object ref = path(map(entry), "valueFrom", "configMapKeyRef", "name");
            if (ref != null) {
                names.add(String.valueOf(ref));
            }
        }
        for (Object from : list(container.get("envFrom"))) {
            Object ref = path(map(from), "configMapRef", "name");
            if (ref != null) {
                names.add(String.valueOf(ref));
            }
        }
        return names;
    }

    private static String envValue(Map<String, Object> container, String name) {
        for (Object entry : list(container.get("env"))) {
            if (name.equals(map(entry).get("name"))) {
                return String.valueOf(map(entry).get("value"));
            }
        }
        return null;
    }

    // ---- network policy ----

    private void networkPolicy(List<Map<String, Object>> k8s) {
        List<Map<String, Object>> policies = all(k8s, "NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(p -> map(path(p, "spec", "podSelector")).isEmpty()
                && list(path(p, "spec", "policyTypes")).contains("Ingress") && list(path(p, "spec", "ingress")).isEmpty());
        if (!defaultDeny) {
            fail("infra/k8s/networkpolicy.yaml", "podSelector: {}", "no default-deny policy for incoming traffic");
        }
        for (Map<String, Object> deployment : all(k8s, "Deployment")) {
            String file = "infra/k8s/networkpolicy.yaml";
            Map<String, Object> labels = map(path(deployment, "spec", "template", "metadata", "labels"));
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> policy : policies) {
                Map<String, Object> selector = map(path(policy, "spec", "podSelector", "matchLabels"));
                if (!selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet())) {
                    list(path(policy, "spec", "ingress")).forEach(r -> rules.add(map(r)));
                }
            }
            for (Map<String, Object> rule : rules) {
                for (Object port : list(rule.get("ports"))) {
                    if (containerPortName(deployment, map(port).get("port")) == null) {
                        fail(file, name(deployment) + " port " + map(port).get("port"), "not a port of the pods it admits traffic to");
                    }
                }
            }
            boolean fromIngress = rules.stream().anyMatch(r -> admits(r, "http") && fromNamespaces(r).stream().anyMatch(n -> n.contains("ingress")));
            if (!fromIngress) {
                fail(file, name(deployment) + " http", "the ingress controller cannot reach the pods");
            }
            if (containerPortName(deployment, "management") != null) {
                for (Map<String, Object> rule : rules) {
                    if (admits(rule, "management") && !fromNamespaces(rule).equals(Set.of("monitoring"))) {
                        fail(file, name(deployment) + " management", "/prometheus reachable from " + fromNamespaces(rule) + ", not only the monitoring namespace");
                    }
                    if (admits(rule, "http") && list(rule.get("ports")).isEmpty()) {
                        fail(file, name(deployment) + " ports", "a rule without ports admits the management port too");
                    }
                }
                Object scrapePort = path(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port");
                if (scrapePort != null && !"management".equals(containerPortName(deployment, scrapePort))) {
                    fail("infra/k8s/" + source(deployment), "prometheus.io/port", scrapePort + " is not the management port");
                }
            }
        }
    }

    private static boolean admits(Map<String, Object> rule, String portName) {
        List<Object> ports = list(rule.get("ports"));
        return ports.isEmpty() || ports.stream().anyMatch(p -> portName.equals(String.valueOf(map(p).get("port"))));
    }

    /** Namespace names a rule admits; "*" for a peer without a namespace selector outside this namespace, "" for this namespace. */
    private static Set<String> fromNamespaces(Map<String, Object> rule) {
        Set<String> names = new TreeSet<>();
        List<Object> from = list(rule.get("from"));
        if (from.isEmpty()) {
            names.add("*");
        }
        for (Object peer : from) {
            Map<String, Object> p = map(peer);
            if (p.containsKey("ipBlock")) {
                names.add("*");
            } else if (p.containsKey("namespaceSelector")) {
                Object name = map(path(p, "namespaceSelector", "matchLabels")).get("kubernetes.io/metadata.name");
                names.add(name == null ? "*" : String.valueOf(name));
            } else {
                names.add("");
            }
        }
        return names;
    }

    // ---- images ----

    private void dockerignore() {
        for (Path dockerfile : list(infra.resolve("docker"), ".Dockerfile")) {
            String name = dockerfile.getFileName().toString();
            Path ignoreFile = infra.resolve("docker/" + name + ".dockerignore");
            List<String> rules = Files.exists(ignoreFile) ? read(ignoreFile).lines().toList() : List.of();
            String file = "infra/docker/" + name + ".dockerignore";
            for (String line : read(dockerfile).lines().toList()) {
                if (!line.startsWith("COPY ") || line.contains("--from=")) {
                    continue;
                }
                List<String> words = new ArrayList<>(List.of(line.substring(5).trim().split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                for (String source : words.subList(0, words.size() - 1)) {
                    String clean = source.replaceAll("^\\./", "").replaceAll("/+$", "");
                    Path inRepo = repo.resolve(clean);
                    if (!Files.exists(inRepo)) {
                        fail("infra/docker/" + name, source, "COPY source does not exist in the repository");
                    } else if (Files.isDirectory(inRepo)) {
                        List<String> files = walk(inRepo).stream().map(p -> repo.relativize(p).toString().replace('\\', '/')).toList();
                        if (files.stream().noneMatch(f -> DeploymentFilesTest.inContext(rules, f))) {
                            fail(file, source, "excludes the whole directory " + name + " copies");
                        }
                        files.stream().filter(f -> f.contains("/src/main/java/") || f.contains("/src/main/resources/"))
                                .filter(f -> !DeploymentFilesTest.inContext(rules, f)).findFirst()
                                .ifPresent(f -> fail(file, f, "excluded, but " + name + " copies " + source + " to build it"));
                    } else if (!DeploymentFilesTest.inContext(rules, clean)) {
                        fail(file, clean, "excluded, but " + name + " copies it");
                    }
                }
            }
        }
    }

    // ---- reading ----

    private List<Map<String, Object>> k8sObjects() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Path file : list(infra.resolve("k8s"), ".yaml")) {
            for (Object doc : load(file)) {
                if (doc instanceof Map<?, ?>) {
                    Map<String, Object> object = new LinkedHashMap<>(map(doc));
                    object.put("__file", file.getFileName().toString());
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static List<Map<String, Object>> workloads(List<Map<String, Object>> k8s) {
        List<Map<String, Object>> workloads = new ArrayList<>(all(k8s, "Deployment"));
        workloads.addAll(all(k8s, "Job"));
        return workloads;
    }

    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(path(workload, "spec", "template", "spec", "containers")).stream().map(DeploymentContract::map).toList();
    }

    private static String image(Map<String, Object> container) {
        return String.valueOf(container.get("image"));
    }

    static List<Map<String, Object>> all(List<Map<String, Object>> k8s, String kind) {
        return k8s.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Map<String, Object> find(List<Map<String, Object>> k8s, String kind, String name) {
        return all(k8s, kind).stream().filter(o -> name.equals(name(o))).findFirst().orElse(null);
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(map(object.get("metadata")).get("name"));
    }

    private static String source(Map<String, Object> object) {
        return String.valueOf(object.get("__file"));
    }

    private static List<Object> load(Path file) {
        LoaderOptions options = new LoaderOptions();
        List<Object> docs = new ArrayList<>();
        new Yaml(options).loadAll(read(file)).forEach(d -> docs.add(d));
        docs.removeIf(Objects::isNull);
        return docs;
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> walk(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
