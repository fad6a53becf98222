package com.kakehashi;

import com.kakehashi.bootstrap.DatabaseBootstrap;
import com.kakehashi.bootstrap.MigrateOnly;
import com.kakehashi.bootstrap.StartupChecks;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

import java.util.Map;

@OpenAPIDefinition(
        info = @Info(title = "Kakehashi", version = "0.1.0",
                description = "HQ–Japan alignment measurement. Tenant data lives under /api/v1/tenants/{tenantId}; "
                        + "errors are RFC 9457 problem+json.",
                license = @License(name = "Proprietary", url = "https://kakehashi.example/terms")),
        // Relative: the document describes whichever backend serves it (GET /openapi).
        servers = @Server(url = "/", description = "The backend that served this document"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        boolean demo = StartupChecks.isDemo(env);
        String[] environments = demo ? new String[] {"demo"} : new String[0];
        if (MigrateOnly.requested(args)) {
            // The migration Job: owner credentials, no JWT secret, no HTTP port; exits when done.
            if (demo || "true".equalsIgnoreCase(env.get("KAKEHASHI_DB_BOOTSTRAP"))) {
                DatabaseBootstrap.fromEnvironment(env).ensureDatabaseAndRoles();
            }
            System.exit(MigrateOnly.run(Map.of(), environments));
            return;
        }
        StartupChecks.requireStrongJwtSecret(env, demo);
        // A pod that does not migrate has no owner credentials, so it cannot bootstrap either.
        if ((demo || "true".equalsIgnoreCase(env.get("KAKEHASHI_DB_BOOTSTRAP"))) && StartupChecks.migratesAtStart(env)) {
            DatabaseBootstrap.fromEnvironment(env).ensureDatabaseAndRoles();
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .environments(environments)
                .start();
    }
}
