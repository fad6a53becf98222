package com.kakehashi.bootstrap;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.register.Classification;
import com.kakehashi.register.RegisterService;
import com.kakehashi.register.RegisterState;
import com.kakehashi.register.RegisterViews.RegisterHealth;
import com.kakehashi.register.RegisterViews.RegisterItemView;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Northwind's register as the demo writes it, read back through the register's own service. */
@MicronautTest(environments = "test", transactional = false)
class DemoRegisterTest {

    @Inject
    DemoRegister demoRegister;
    @Inject
    RegisterService register;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void northwindHasTwoOpenDisagreementsFirstOneReopenedItemAndTheRestAgreed() {
        clock.set(Instant.parse("2026-11-23T12:00:00Z"));
        TenantView northwind = fixtures.tenant("Northwind");
        UserView consultant = fixtures.memberOf(northwind, Role.CONSULTANT);

        List<RegisterItemView> items = TenantContext.callAs(northwind.id(), () -> {
            demoRegister.seed(List.of(consultant), "Northwind");
            return register.list(null, null, null);
        });
        RegisterHealth health = TenantContext.callAs(northwind.id(), register::health);

        assertThat(items).hasSize(11);
        assertThat(items).extracting(RegisterItemView::state).containsSubsequence(RegisterState.DISAGREED,
                RegisterState.DISAGREED, RegisterState.PENDING, RegisterState.AGREED);
        RegisterItemView discount = items.get(0);
        RegisterItemView targets = items.get(1);
        assertThat(discount.title()).startsWith("Discount policy");
        assertThat(discount.current().classification()).isEqualTo(Classification.NON_NEGOTIABLE);
        assertThat(discount.current().hq().comment()).contains("Non-negotiable");
        assertThat(discount.current().japan().comment()).contains("ADAPTABLE", "リベート");
        assertThat(discount.disagreementDays()).isEqualTo(56);
        assertThat(targets.title()).startsWith("Channel split");
        assertThat(targets.current().hq().comment()).contains("NON_NEGOTIABLE");
        assertThat(targets.current().japan().comment()).isNotBlank();
        RegisterItemView reopened = items.get(2);
        assertThat(reopened.state()).isEqualTo(RegisterState.PENDING);
        assertThat(reopened.current().version()).isEqualTo(2);
        assertThat(reopened.inEffect().version()).isEqualTo(1);
        assertThat(reopened.current().hq()).isNotNull();
        assertThat(reopened.current().japan()).isNull();
        assertThat(items.subList(3, 11)).allSatisfy(i -> assertThat(i.state()).isEqualTo(RegisterState.AGREED));
        assertThat(items).filteredOn(i -> i.title().startsWith("Approval limits")).singleElement()
                .satisfies(i -> assertThat(i.versions()).hasSize(2));
        assertThat(health.items()).isEqualTo(11);
        assertThat(health.agreed()).isEqualTo(8);
        assertThat(health.openDisagreements()).isEqualTo(2);
        assertThat(health.oldestDisagreementDays()).isEqualTo(56);
        assertThat(health.medianDisagreementDays()).isEqualTo(38.0);
    }
}
