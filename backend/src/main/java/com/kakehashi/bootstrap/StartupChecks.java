package com.kakehashi.bootstrap;

import java.util.Map;

/** Refuses to start in a configuration that would be unsafe in production. */
public final class StartupChecks {

    static final int MIN_SECRET_LENGTH = 32;

    private StartupChecks() {
    }

    public static boolean isDemo(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.get("KAKEHASHI_DEMO"));
    }

    /** KAKEHASHI_MIGRATE (default true): false when a migration Job applies the changelog before the pods start. */
    public static boolean migratesAtStart(Map<String, String> env) {
        return !"false".equalsIgnoreCase(env.getOrDefault("KAKEHASHI_MIGRATE", "true").strip());
    }

    /** Outside the demo run a missing or short secret would let anyone forge tokens: stop with a clear message. */
    public static void requireStrongJwtSecret(Map<String, String> env, boolean demo) {
        if (demo) {
            return;
        }
        String secret = env.get("KAKEHASHI_JWT_SECRET");
        String problem = weakness(secret);
        if (problem != null) {
            System.err.println("Kakehashi will not start: KAKEHASHI_JWT_SECRET " + problem
                    + ". Set it to at least " + MIN_SECRET_LENGTH + " random characters, e.g. `openssl rand -base64 48`,"
                    + " or run the demo with KAKEHASHI_DEMO=true.");
            System.exit(2);
        }
    }

    static String weakness(String secret) {
        if (secret == null || secret.isBlank()) {
            return "is not set";
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            return "is shorter than " + MIN_SECRET_LENGTH + " characters";
        }
        if (secret.chars().distinct().count() < 8) {
            return "is too repetitive";
        }
        if (secret.contains("kakehashi-demo-secret")) {
            return "is the public demo secret";
        }
        return null;
    }
}
