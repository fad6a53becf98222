package com.kakehashi.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * {@code java -jar kakehashi-backend.jar migrate}: applies the Liquibase changelog as the owner role
 * and exits, without the HTTP server, the scheduler or the app role's pool. The Kubernetes Job and
 * the compose one-shot service run it once per rollout; the app pods then start with
 * KAKEHASHI_MIGRATE=false and never see the owner's password.
 *
 * <p>The connection settings are read from the same configuration the app uses
 * ({@code datasources.owner.*}, {@code liquibase.datasources.owner.change-log}), resolved by
 * Micronaut's environment without starting a context, so the Job and the app cannot disagree about
 * which database they mean.
 */
public final class MigrateOnly {

    public static final String ARGUMENT = "migrate";

    private MigrateOnly() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && ARGUMENT.equals(args[0]);
    }

    /** Migrates with the configuration of the given environments plus {@code properties}; 0 on success, 1 on failure. */
    public static int run(java.util.Map<String, Object> properties, String... environments) {
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(environments)
                .properties(properties)
                .build()) {
            Environment environment = context.getEnvironment().start();
            String url = environment.getRequiredProperty("datasources.owner.url", String.class);
            String user = environment.getRequiredProperty("datasources.owner.username", String.class);
            String password = environment.getProperty("datasources.owner.password", String.class).orElse("");
            String changeLog = environment.getRequiredProperty("liquibase.datasources.owner.change-log", String.class)
                    .replaceFirst("^classpath:", "");
            migrate(url, user, password, changeLog);
            System.out.println("Kakehashi migrations applied to " + redact(url) + " as " + user);
            return 0;
        } catch (Exception e) {
            System.err.println("Kakehashi migrations failed: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }

    static void migrate(String url, String user, String password, String changeLog) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Liquibase's own lock (DATABASECHANGELOGLOCK) still guards against a second Job started by hand.
            try (Liquibase liquibase = new Liquibase(changeLog, new ClassLoaderResourceAccessor(), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
