package com.kakehashi.lifecycle;

import com.kakehashi.participant.ParticipantDetails;
import com.kakehashi.participant.ParticipantService;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Participant erasure end to end: a person invited to two waves, who answered one (with a comment)
 * and has a reminder pending for the other, is erased through the API. Afterwards no text column
 * of any table (every tenant's, the global ones, the scheduler's) holds their name or email, and
 * every figure of the closed wave is what it was.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
class ErasureLeavesNoTraceTest {

    @Inject
    LifecycleWorld worlds;
    @Inject
    ParticipantService participants;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void afterErasureNoTableNamesThePersonAndTheWavesFiguresAreUnchanged() throws Exception {
        Api api = new Api(server.getURL(), json);
        LifecycleWorld.World world = worlds.create("Erasure");
        String email = "hanako.erasure-" + UUID.randomUUID() + "@example.jp";
        String name = "Hanako Erasure " + UUID.randomUUID().toString().substring(0, 8);
        UUID person = TenantContext.callAs(world.id(), () -> participants.create(world.operator,
                new ParticipantDetails(email, name, Side.JAPAN, Level.STAFF, "ja", null, null))).id();
        UUID closed = world.wave(LocalDate.of(2026, 11, 2));
        world.respond(closed, Side.JAPAN, Level.STAFF, person, 2, "Meetings run late for us.");
        for (int i = 0; i < 5; i++) {
            world.respond(closed, Side.JAPAN, Level.STAFF, null, 3 + i % 2, "Comment " + i);
        }
        world.close(closed, Duration.ofHours(1));
        UUID open = world.wave(LocalDate.of(2026, 11, 30));
        world.respond(open, Side.JAPAN, Level.STAFF, null, 3, null);
        worlds.appSql.update(world.id(), """
                INSERT INTO mail_outbox (tenant_id, id, invitation_id, kind, status, send_after)
                SELECT tenant_id, gen_random_uuid(), id, 'REMINDER', 'PENDING', now() + interval '1 day'
                FROM invitation WHERE wave_id = ?""", open);
        worlds.appSql.update(world.id(), "UPDATE invitation SET participant_id = ? WHERE wave_id = ?", person, open);

        String executive = api.login(world.executive.email(), Fixtures.PASSWORD);
        String insightPath = "/api/v1/tenants/" + world.id() + "/insights/waves/" + closed;
        Map<String, Object> before = commentsSorted(api.get(insightPath, executive).map());
        try (Connection admin = worlds.admin()) {
            assertThat(Catalog.columnsContaining(admin, email)).as("the check sees the person first").contains("participant.email");
            assertThat(Catalog.columnsContaining(admin, name)).contains("participant.display_name");
        }

        Api.Reply erased = api.delete("/api/v1/tenants/" + world.id() + "/participants/" + person,
                api.login(world.consultant.email(), Fixtures.PASSWORD));
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);

        try (Connection admin = worlds.admin()) {
            assertThat(Catalog.columnsContaining(admin, email)).as("columns holding the email").isEmpty();
            assertThat(Catalog.columnsContaining(admin, name)).as("columns holding the name").isEmpty();
            assertThat(Catalog.columnsContaining(admin, email.substring(0, email.indexOf('@')))).as("the mailbox name alone").isEmpty();
        }
        assertThat(world.count("SELECT count(*) FROM invitation WHERE participant_id IS NOT NULL")).isZero();
        assertThat(world.count("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'")).as("the reminder is cancelled").isZero();
        assertThat(commentsSorted(api.get(insightPath, executive).map())).as("every figure of the closed wave").isEqualTo(before);
    }

    /** The wave view lists comments in a fresh random order each time (no order to link to a person); compare them as sets. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> commentsSorted(Map<String, Object> insight) {
        Map<String, Object> copy = new java.util.HashMap<>(insight);
        copy.put("comments", ((List<Map<String, Object>>) insight.get("comments")).stream().map(group -> {
            Map<String, Object> sorted = new java.util.HashMap<>(group);
            if (group.get("comments") != null) {
                sorted.put("comments", ((List<Map<String, Object>>) group.get("comments")).stream()
                        .map(Object::toString).sorted().toList());
            }
            return sorted;
        }).toList());
        return copy;
    }
}
