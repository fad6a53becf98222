package com.kakehashi.bootstrap;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.NewUser;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserService;
import com.kakehashi.identity.UserView;
import com.kakehashi.tenant.NewTenant;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills an empty database with the demo: two tenants, so isolation is visible at once, and the four
 * demo logins; each tenant with two years of pulse history ({@link DemoTenant}, {@link DemoStory}).
 * Runs only with {@code kakehashi.demo=true} (the demo run), through the same services as the API,
 * and does nothing if any user exists.
 */
@Singleton
@Requires(property = "kakehashi.demo", value = "true")
class DemoSeeder {

    static final String PASSWORD = "kakehashi-demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final UserService users;
    private final TenantService tenants;
    private final DemoTenant demoTenant;

    DemoSeeder(UserService users, TenantService tenants, DemoTenant demoTenant) {
        this.users = users;
        this.tenants = tenants;
        this.demoTenant = demoTenant;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!users.list().isEmpty()) {
            LOG.info("Demo data: database already has users, nothing seeded");
            return;
        }
        long started = System.nanoTime();
        UserView operator = users.create(new NewUser("operator@kakehashi.example", "Olivia Operator", Role.OPERATOR, PASSWORD));
        Caller system = new Caller(operator.id(), operator.email(), Role.OPERATOR);
        UserView consultant = users.create(new NewUser("consultant@kakehashi.example", "Kenji Mori", Role.CONSULTANT, PASSWORD));
        TenantView northwind = tenants.create(system, new NewTenant("Northwind Industries", "DE", "Europe/Berlin", "Northwind Japan KK", 5));
        TenantView contoso = tenants.create(system, new NewTenant("Contoso Medical", "US", "America/New_York", "Contoso Japan GK", 5));
        UserView northwindExec = users.create(new NewUser("exec@northwind.example", "Greta Hoffmann", Role.EXECUTIVE, PASSWORD));
        UserView contosoExec = users.create(new NewUser("exec@contoso.example", "Robert Hayes", Role.EXECUTIVE, PASSWORD));
        // The tenants share nothing, so their histories are written side by side (start-up time).
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            Future<?> first = both.submit(() -> demoTenant.seed(system, northwind, List.of(consultant, northwindExec),
                    "northwind", "Post-restructuring alignment 2026",
                    "Restore Japan's voice in early strategy after the 2025 HQ restructuring.", DemoStory.northwind()));
            Future<?> second = both.submit(() -> demoTenant.seed(system, contoso, List.of(consultant, contosoExec),
                    "contoso", "Japan market expansion check-in",
                    "Keep HQ and Japan aligned on the pace of the 2026 product launch.", DemoStory.contoso()));
            first.get();
            second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo seeding interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo seeding failed", e.getCause());
        }
        LOG.info("Demo data seeded in {} ms: 2 tenants with two years of history, 4 logins (password {})",
                (System.nanoTime() - started) / 1_000_000, PASSWORD);
    }
}
