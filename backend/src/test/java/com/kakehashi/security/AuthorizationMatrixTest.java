package com.kakehashi.security;

import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller × the caller's own tenant, another tenant, and another
 * tenant's object smuggled under the own tenant's path. Expected: 401 without a token, 403 without
 * the role, 404 for a tenant the caller may not enter (exactly like one that does not exist) or an
 * object of another tenant, else success. A denied write changes nothing in either tenant, and no
 * answer to anyone but an operator ever carries an id, name or email of the other tenant.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Who {
        OPERATOR(Role.OPERATOR), ASSIGNED_CONSULTANT(Role.CONSULTANT), UNASSIGNED_CONSULTANT(Role.CONSULTANT),
        EXECUTIVE_OF_TENANT(Role.EXECUTIVE), EXECUTIVE_WITH_PARTICIPANT_ADMIN(Role.EXECUTIVE),
        EXECUTIVE_OF_ANOTHER_TENANT(Role.EXECUTIVE), ANONYMOUS(null);

        final Role role;

        Who(Role role) {
            this.role = role;
        }

        boolean mayEnter(boolean ownTenant) {
            return switch (this) {
                case OPERATOR -> true;
                case ASSIGNED_CONSULTANT, EXECUTIVE_OF_TENANT, EXECUTIVE_WITH_PARTICIPANT_ADMIN -> ownTenant;
                default -> false;
            };
        }
    }

    enum Target { OWN_TENANT, OTHER_TENANT, OTHER_TENANTS_OBJECT_UNDER_OWN_TENANT }

    enum Scope { GLOBAL, TENANT, OBJECT }

    /** One tenant with some of everything in it. */
    static final class World {
        TenantView tenant;
        String participantId;
        String participantEmail;
        String engagementId;
        /** An instrument whose version 1 is published: "{instrumentId}/versions/{versionId}". */
        String instrumentId;
        String publishedVersion;
        String scheduleId;
        String waveId;
        String initiativeId;
        String decisionId;
        String alertId;
        String actionId;
        String registerItemId;
        UserView consultant;
        UserView executive;
        /** An executive whose membership carries the client-administrator permission. */
        UserView participantAdmin;
    }

    @FunctionalInterface
    interface ObjectRef {
        String id(AuthorizationMatrixTest test, World world);
    }

    @FunctionalInterface
    interface BodyRef {
        Object body(AuthorizationMatrixTest test);
    }

    record Endpoint(String name, HttpMethod method, String path, Set<Role> roles, Scope scope, int success,
                    ObjectRef object, BodyRef body, boolean objectIsGlobal) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.CONSULTANT);
    private static final Set<Role> OPERATOR_ONLY = EnumSet.of(Role.OPERATOR);
    private static final String T = "/api/v1/tenants/{t}";
    private static final String RENAME = "PATCH " + T + " with a new name";
    /**
     * Endpoints whose route admits more roles than the body allows: the route's roles are checked
     * before the tenant filter (403), the body's rule inside the tenant (404 first for a tenant the
     * caller may not enter). Only operators rename tenants (the name check would otherwise tell a
     * consultant which names other clients have).
     */
    private static final Map<String, Set<Role>> ROUTE_ROLES = Map.of(RENAME, STAFF);
    /**
     * Endpoints that expose participants' names and emails. Every role may reach them, but an
     * executive needs the client-administrator permission on their membership: without it the
     * answer is 403 inside the own tenant, before any object is looked up.
     */
    private static final Set<String> PARTICIPANT_DATA = Set.of(
            "GET " + T + "/participants", "POST " + T + "/participants", "GET " + T + "/participants/{id}",
            "PUT " + T + "/participants/{id}", "POST " + T + "/participants/{id}/deactivate",
            "DELETE " + T + "/participants/{id}", "POST " + T + "/participants/import");

    private static Endpoint global(HttpMethod method, String path, Set<Role> roles, int success, BodyRef body) {
        return new Endpoint(method + " " + path, method, path, roles, Scope.GLOBAL, success, null, body, false);
    }

    private static Endpoint tenant(HttpMethod method, String path, Set<Role> roles, int success, BodyRef body) {
        return new Endpoint(method + " " + path, method, path, roles, Scope.TENANT, success, null, body, false);
    }

    private static Endpoint object(HttpMethod method, String path, Set<Role> roles, int success, ObjectRef object,
                                   BodyRef body) {
        return new Endpoint(method + " " + path, method, path, roles, Scope.OBJECT, success, object, body, false);
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            global(HttpMethod.GET, "/api/v1/me", ALL, 200, null),
            global(HttpMethod.GET, "/api/v1/users", OPERATOR_ONLY, 200, null),
            global(HttpMethod.POST, "/api/v1/users", OPERATOR_ONLY, 201, t -> t.newUser()),
            global(HttpMethod.GET, "/api/v1/tenants", ALL, 200, null),
            global(HttpMethod.GET, "/api/v1/portfolio", ALL, 200, null),
            global(HttpMethod.POST, "/api/v1/tenants", OPERATOR_ONLY, 201, t -> t.newTenant()),
            tenant(HttpMethod.GET, T, ALL, 200, null),
            tenant(HttpMethod.PATCH, T, STAFF, 200, t -> Map.of("japanSubsidiaryName", "Renamed KK " + UUID.randomUUID())),
            new Endpoint(RENAME, HttpMethod.PATCH, T, OPERATOR_ONLY, Scope.TENANT, 200, null, t -> t.rename(), false),
            tenant(HttpMethod.GET, T + "/export", STAFF, 200, null),
            // Offboarding itself would remove the world; with a confirm that is not the tenant's name the
            // operator gets 400 and nothing changes in either tenant (the denied-write snapshot).
            new Endpoint("DELETE " + T + " with the wrong name", HttpMethod.DELETE, T + "?confirm=not-its-name", OPERATOR_ONLY,
                    Scope.TENANT, 400, null, null, false),
            global(HttpMethod.GET, "/api/v1/platform-audit", OPERATOR_ONLY, 200, null),
            tenant(HttpMethod.GET, T + "/members", STAFF, 200, null),
            object(HttpMethod.GET, T + "/members/{id}", STAFF, 200, (t, w) -> w.consultant.id().toString(), null),
            new Endpoint("PUT " + T + "/members/{id}", HttpMethod.PUT, T + "/members/{id}", OPERATOR_ONLY, Scope.OBJECT, 200,
                    (t, w) -> t.fixtures.user(Role.CONSULTANT).id().toString(), null, true),
            object(HttpMethod.DELETE, T + "/members/{id}", OPERATOR_ONLY, 204, (t, w) -> t.freshMember(w), null),
            object(HttpMethod.PUT, T + "/members/{id}/participant-admin", STAFF, 200, (t, w) -> t.freshExecutive(w),
                    t -> Map.of("participantAdmin", true)),
            tenant(HttpMethod.GET, T + "/participants", ALL, 200, null),
            tenant(HttpMethod.POST, T + "/participants", ALL, 201, t -> person()),
            object(HttpMethod.GET, T + "/participants/{id}", ALL, 200, (t, w) -> w.participantId, null),
            object(HttpMethod.PUT, T + "/participants/{id}", ALL, 200, (t, w) -> t.freshParticipant(w), t -> person()),
            object(HttpMethod.POST, T + "/participants/{id}/deactivate", ALL, 200, (t, w) -> t.freshParticipant(w), null),
            object(HttpMethod.DELETE, T + "/participants/{id}", ALL, 204, (t, w) -> t.freshParticipant(w), null),
            tenant(HttpMethod.POST, T + "/participants/import", ALL, 200, t -> csv()),
            tenant(HttpMethod.GET, T + "/engagements", ALL, 200, null),
            tenant(HttpMethod.POST, T + "/engagements", STAFF, 201, t -> engagement()),
            object(HttpMethod.GET, T + "/engagements/{id}", ALL, 200, (t, w) -> w.engagementId, null),
            object(HttpMethod.PUT, T + "/engagements/{id}", STAFF, 200, (t, w) -> t.freshEngagement(w), t -> engagement()),
            object(HttpMethod.GET, T + "/engagements/{id}/events", ALL, 200, (t, w) -> w.engagementId, null),
            object(HttpMethod.POST, T + "/engagements/{id}/events", STAFF, 201, (t, w) -> w.engagementId, t -> t.timelineEvent()),
            new Endpoint("DELETE " + T + "/engagements/{id}/events/{eventId}", HttpMethod.DELETE, T + "/engagements/{id}", STAFF,
                    Scope.OBJECT, 204, (t, w) -> t.freshTimelineEvent(w), null, false),
            object(HttpMethod.DELETE, T + "/engagements/{id}", STAFF, 204, (t, w) -> t.freshEngagement(w), null),
            tenant(HttpMethod.GET, T + "/audit", STAFF, 200, null),
            global(HttpMethod.GET, "/api/v1/instruments/default", ALL, 200, null),
            tenant(HttpMethod.GET, T + "/instruments", ALL, 200, null),
            tenant(HttpMethod.POST, T + "/instruments", STAFF, 201, t -> Map.of("name", "Pulse " + UUID.randomUUID(),
                    "copyOfDefault", true)),
            object(HttpMethod.GET, T + "/instruments/{id}", ALL, 200, (t, w) -> w.instrumentId, null),
            // {id} below is "{instrumentId}/versions/{versionId}"
            new Endpoint("GET " + T + "/instruments/{i}/versions/{v}", HttpMethod.GET, T + "/instruments/{id}", ALL,
                    Scope.OBJECT, 200, (t, w) -> w.publishedVersion, null, false),
            object(HttpMethod.POST, T + "/instruments/{id}/versions", STAFF, 201,
                    (t, w) -> t.freshPublishedInstrument(w), null),
            new Endpoint("PUT " + T + "/instruments/{i}/versions/{v}/items", HttpMethod.PUT, T + "/instruments/{id}/items",
                    STAFF, Scope.OBJECT, 200, (t, w) -> t.freshDraft(w), t -> draftContent(), false),
            new Endpoint("POST " + T + "/instruments/{i}/versions/{v}/publish", HttpMethod.POST,
                    T + "/instruments/{id}/publish", STAFF, Scope.OBJECT, 200, (t, w) -> t.freshDraft(w), null, false),
            tenant(HttpMethod.GET, T + "/schedules", ALL, 200, null),
            tenant(HttpMethod.POST, T + "/schedules", STAFF, 201, t -> t.schedule(t.bodyWorld)),
            object(HttpMethod.GET, T + "/schedules/{id}", ALL, 200, (t, w) -> w.scheduleId, null),
            object(HttpMethod.PUT, T + "/schedules/{id}", STAFF, 200, (t, w) -> t.freshSchedule(w), t -> t.schedule(t.bodyWorld)),
            object(HttpMethod.POST, T + "/schedules/{id}/pause", STAFF, 200, (t, w) -> t.freshSchedule(w), null),
            object(HttpMethod.POST, T + "/schedules/{id}/resume", STAFF, 200, (t, w) -> t.freshSchedule(w), null),
            object(HttpMethod.DELETE, T + "/schedules/{id}", STAFF, 204, (t, w) -> t.freshSchedule(w), null),
            object(HttpMethod.GET, T + "/schedules/{id}/launch-preview", STAFF, 200, (t, w) -> w.scheduleId, null),
            object(HttpMethod.POST, T + "/schedules/{id}/waves", STAFF, 201, (t, w) -> t.freshSchedule(w), null),
            tenant(HttpMethod.GET, T + "/waves", ALL, 200, null),
            object(HttpMethod.GET, T + "/waves/{id}", ALL, 200, (t, w) -> w.waveId, null),
            object(HttpMethod.POST, T + "/waves/{id}/close", STAFF, 200, (t, w) -> t.freshWave(w), null),
            tenant(HttpMethod.GET, T + "/initiatives", ALL, 200, null),
            tenant(HttpMethod.POST, T + "/initiatives", STAFF, 201, t -> t.initiative(t.bodyWorld)),
            object(HttpMethod.GET, T + "/initiatives/{id}", ALL, 200, (t, w) -> w.initiativeId, null),
            object(HttpMethod.PUT, T + "/initiatives/{id}", STAFF, 200, (t, w) -> t.freshInitiative(w), t -> t.initiative(t.bodyWorld)),
            object(HttpMethod.DELETE, T + "/initiatives/{id}", STAFF, 204, (t, w) -> t.freshInitiative(w), null),
            tenant(HttpMethod.GET, T + "/decisions", ALL, 200, null),
            tenant(HttpMethod.GET, T + "/decisions/cycle-times", ALL, 200, null),
            tenant(HttpMethod.POST, T + "/decisions", STAFF, 201, t -> t.decision(t.bodyWorld)),
            object(HttpMethod.GET, T + "/decisions/{id}", ALL, 200, (t, w) -> w.decisionId, null),
            object(HttpMethod.PUT, T + "/decisions/{id}", STAFF, 200, (t, w) -> t.freshDecision(w), t -> t.decision(t.bodyWorld)),
            object(HttpMethod.DELETE, T + "/decisions/{id}", STAFF, 204, (t, w) -> t.freshDecision(w), null),
            tenant(HttpMethod.GET, T + "/objective-signals", ALL, 200, null),
            tenant(HttpMethod.GET, T + "/insights/trends", ALL, 200, null),
            tenant(HttpMethod.GET, T + "/insights/drivers", ALL, 200, null),
            tenant(HttpMethod.GET, T + "/insights/themes", ALL, 200, null),
            object(HttpMethod.GET, T + "/insights/waves/{id}", ALL, 200, (t, w) -> w.waveId, null),
            tenant(HttpMethod.GET, T + "/insights/export.csv", ALL, 200, null),
            tenant(HttpMethod.GET, T + "/alert-settings", ALL, 200, null),
            tenant(HttpMethod.PUT, T + "/alert-settings", STAFF, 200, t -> com.kakehashi.alert.AlertSettings.DEFAULTS),
            tenant(HttpMethod.GET, T + "/alerts", ALL, 200, null),
            object(HttpMethod.GET, T + "/alerts/{id}", ALL, 200, (t, w) -> w.alertId, null),
            object(HttpMethod.GET, T + "/alerts/{id}/evaluations", ALL, 200, (t, w) -> w.alertId, null),
            object(HttpMethod.GET, T + "/waves/{id}/alert-evaluations", ALL, 200, (t, w) -> w.waveId, null),
            object(HttpMethod.POST, T + "/alerts/{id}/acknowledge", STAFF, 200, (t, w) -> t.freshAlert(w), null),
            object(HttpMethod.POST, T + "/alerts/{id}/resolve", STAFF, 200, (t, w) -> t.freshAlert(w), null),
            object(HttpMethod.POST, T + "/alerts/{id}/notes", STAFF, 201, (t, w) -> w.alertId,
                    t -> Map.of("text", "Followed up with the Japan team.")),
            tenant(HttpMethod.GET, T + "/actions", ALL, 200, null),
            tenant(HttpMethod.POST, T + "/actions", ALL, 201, t -> t.action(t.bodyWorld)),
            object(HttpMethod.GET, T + "/actions/{id}", ALL, 200, (t, w) -> w.actionId, null),
            object(HttpMethod.GET, T + "/actions/{id}/effect", ALL, 200, (t, w) -> w.actionId, null),
            object(HttpMethod.PUT, T + "/actions/{id}", STAFF, 200, (t, w) -> t.freshAction(w), t -> t.actionChanges(t.bodyWorld)),
            // The action's owners are the two executives of its tenant; each caller agrees for the side an executive
            // of that kind owns (an executive may agree only there, staff for any side: ActionPlanTest).
            object(HttpMethod.POST, T + "/actions/{id}/agreements", ALL, 200, (t, w) -> t.freshAction(w),
                    t -> Map.of("side", t.caller == Who.EXECUTIVE_WITH_PARTICIPANT_ADMIN ? "JAPAN" : "HQ")),
            object(HttpMethod.POST, T + "/actions/{id}/start", STAFF, 200, (t, w) -> t.freshAgreedAction(w), null),
            object(HttpMethod.POST, T + "/actions/{id}/done", STAFF, 200, (t, w) -> t.freshStartedAction(w), null),
            object(HttpMethod.POST, T + "/actions/{id}/drop", STAFF, 200, (t, w) -> t.freshAction(w),
                    t -> Map.of("reason", "Replaced by a broader plan.")),
            object(HttpMethod.GET, T + "/actions/{id}/comments", ALL, 200, (t, w) -> w.actionId, null),
            object(HttpMethod.POST, T + "/actions/{id}/comments", ALL, 201, (t, w) -> w.actionId,
                    t -> Map.of("text", "確認しました。", "language", "ja")),
            tenant(HttpMethod.GET, T + "/register", ALL, 200, null),
            tenant(HttpMethod.GET, T + "/register/health", ALL, 200, null),
            tenant(HttpMethod.POST, T + "/register", ALL, 201, t -> t.registerItem()),
            object(HttpMethod.GET, T + "/register/{id}", ALL, 200, (t, w) -> w.registerItemId, null),
            object(HttpMethod.POST, T + "/register/{id}/versions", ALL, 201, (t, w) -> t.freshRegisterItem(w),
                    t -> Map.of("classification", "LOCAL", "rationale", "Japan decides its own rebates.", "basedOn", 1)),
            object(HttpMethod.POST, T + "/register/{id}/approvals", ALL, 201, (t, w) -> t.freshRegisterItem(w),
                    t -> Map.of("side", "JAPAN", "decision", "DISAGREE", "version", 1, "comment", "Distributors expect local rebates.")),
            object(HttpMethod.DELETE, T + "/register/{id}", STAFF, 204, (t, w) -> t.freshRegisterItem(w), null));

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Who who : Who.values()) {
                for (Target target : Target.values()) {
                    boolean applies = switch (endpoint.scope()) {
                        case GLOBAL -> target == Target.OWN_TENANT;
                        case TENANT -> target != Target.OTHER_TENANTS_OBJECT_UNDER_OWN_TENANT;
                        case OBJECT -> !(endpoint.objectIsGlobal() && target == Target.OTHER_TENANTS_OBJECT_UNDER_OWN_TENANT);
                    };
                    if (applies) {
                        cells.add(Arguments.of(endpoint, who, target));
                    }
                }
            }
        }
        return cells.stream();
    }

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    com.kakehashi.alert.AlertFixtures alerts;

    Api api;
    /** The tenant in the request path: bodies that name objects of a tenant use this one's. */
    World bodyWorld;
    /** Who sends the request of the cell being checked: a body may depend on it. */
    Who caller;
    World own;
    World other;
    final Map<Who, String> tokens = new EnumMap<>(Who.class);
    /** Everything that identifies the other tenant or its data; grows as fresh objects are made there. */
    final Set<String> otherTenantSecrets = new CopyOnWriteArraySet<>();

    @BeforeAll
    void twoTenantsAndEveryKindOfCaller() {
        api = new Api(server.getURL(), json);
        tokens.put(Who.OPERATOR, login(fixtures.operator()));
        own = world("Own");
        other = world("Other");
        TenantView third = fixtures.tenant("Third");
        tokens.put(Who.ASSIGNED_CONSULTANT, login(own.consultant));
        tokens.put(Who.EXECUTIVE_OF_TENANT, login(own.executive));
        tokens.put(Who.EXECUTIVE_WITH_PARTICIPANT_ADMIN, login(own.participantAdmin));
        tokens.put(Who.UNASSIGNED_CONSULTANT, login(fixtures.user(Role.CONSULTANT)));
        tokens.put(Who.EXECUTIVE_OF_ANOTHER_TENANT, login(fixtures.memberOf(third, Role.EXECUTIVE)));
        otherTenantSecrets.addAll(List.of(other.tenant.id().toString(), other.tenant.name(), other.tenant.japanSubsidiaryName(),
                other.participantId, other.participantEmail, other.engagementId, other.instrumentId,
                other.publishedVersion.substring(other.publishedVersion.lastIndexOf('/') + 1),
                other.scheduleId, other.waveId, other.initiativeId, other.decisionId, other.alertId, other.actionId, other.registerItemId,
                other.consultant.id().toString(), other.consultant.email(),
                other.executive.id().toString(), other.executive.email(),
                other.participantAdmin.id().toString(), other.participantAdmin.email()));
    }

    private String login(UserView user) {
        return api.login(user.email(), Fixtures.PASSWORD);
    }

    private World world(String prefix) {
        World world = new World();
        world.tenant = fixtures.tenant(prefix);
        world.consultant = fixtures.memberOf(world.tenant, Role.CONSULTANT);
        world.executive = fixtures.memberOf(world.tenant, Role.EXECUTIVE);
        world.participantAdmin = fixtures.memberOf(world.tenant, Role.EXECUTIVE);
        asOperator(HttpMethod.PUT, base(world) + "/members/" + world.participantAdmin.id() + "/participant-admin",
                Map.of("participantAdmin", true));
        Api.Reply participant = asOperator(HttpMethod.POST, base(world) + "/participants", person());
        world.participantId = participant.field("id");
        world.participantEmail = participant.field("email");
        world.engagementId = asOperator(HttpMethod.POST, base(world) + "/engagements", engagement()).field("id");
        world.publishedVersion = newInstrumentDraft(world);
        asOperator(HttpMethod.POST, base(world) + "/instruments/" + world.publishedVersion + "/publish", null);
        world.instrumentId = world.publishedVersion.substring(0, world.publishedVersion.indexOf('/'));
        world.scheduleId = asOperator(HttpMethod.POST, base(world) + "/schedules", schedule(world)).field("id");
        world.waveId = asOperator(HttpMethod.POST, base(world) + "/schedules/" + world.scheduleId + "/waves", null).field("id");
        world.initiativeId = asOperator(HttpMethod.POST, base(world) + "/initiatives", initiative(world)).field("id");
        world.decisionId = asOperator(HttpMethod.POST, base(world) + "/decisions", decision(world)).field("id");
        world.alertId = alerts.openAlert(world.tenant.id(), world.engagementId, world.waveId);
        world.actionId = asOperator(HttpMethod.POST, base(world) + "/actions", action(world)).field("id");
        world.registerItemId = asOperator(HttpMethod.POST, base(world) + "/register", registerItem()).field("id");
        return world;
    }

    /** HQ owner: the tenant's executive; Japan owner: its executive with the participant permission. */
    private Map<String, Object> action(World world) {
        Map<String, Object> body = new java.util.HashMap<>(actionChanges(world));
        body.put("engagementId", world.engagementId);
        return body;
    }

    private Map<String, Object> actionChanges(World world) {
        return Map.of("title", "Action " + UUID.randomUUID(), "language", "en", "signs", List.of("EXCLUSION"),
                "startOn", "2026-03-01", "dueOn", "2099-06-01",
                "hqOwner", Map.of("userId", world.executive.id().toString()),
                "japanOwner", Map.of("userId", world.participantAdmin.id().toString()));
    }

    private String freshAction(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/actions", action(world));
        remember(world, created.field("id"), created.field("title"));
        return created.field("id");
    }

    private String freshAgreedAction(World world) {
        String id = freshAction(world);
        asOperator(HttpMethod.POST, base(world) + "/actions/" + id + "/agreements", Map.of("side", "HQ"));
        asOperator(HttpMethod.POST, base(world) + "/actions/" + id + "/agreements", Map.of("side", "JAPAN"));
        return id;
    }

    private String freshStartedAction(World world) {
        String id = freshAgreedAction(world);
        asOperator(HttpMethod.POST, base(world) + "/actions/" + id + "/start", null);
        return id;
    }

    private Map<String, Object> initiative(World world) {
        return Map.of("engagementId", world.engagementId, "title", "Initiative " + UUID.randomUUID(),
                "announcedOn", "2026-01-10", "milestones", List.of(Map.of("name", "Pilot", "plannedOn", "2026-03-01")));
    }

    private Map<String, Object> decision(World world) {
        return Map.of("engagementId", world.engagementId, "title", "Decision " + UUID.randomUUID(),
                "proposedOn", "2026-02-01", "approvedOn", "2026-02-10", "japanConsulted", true);
    }

    private String freshInitiative(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/initiatives", initiative(world));
        remember(world, created.field("id"), created.field("title"));
        return created.field("id");
    }

    private String freshAlert(World world) {
        String alert = alerts.openAlert(world.tenant.id(), world.engagementId, world.waveId);
        remember(world, alert);
        return alert;
    }

    /** A title no other item has, so the other tenant's is recognisable if it ever leaks. */
    private Map<String, Object> registerItem() {
        return Map.of("title", "Discount policy " + UUID.randomUUID(), "area", "PRICING", "signs", List.of("RISK_LENS"),
                "classification", "NON_NEGOTIABLE", "rationale", "Margins are managed globally.");
    }

    private String freshRegisterItem(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/register", registerItem());
        remember(world, created.field("id"), created.field("title"));
        return created.field("id");
    }

    private String freshDecision(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/decisions", decision(world));
        remember(world, created.field("id"), created.field("title"));
        return created.field("id");
    }

    /** A weekly schedule far in the future, so no background wave appears while the matrix runs. */
    private Map<String, Object> schedule(World world) {
        return Map.of("name", "Pulse " + UUID.randomUUID(), "surveyTitleEn", "Pulse survey", "surveyTitleJa", "パルスサーベイ",
                "engagementId", world.engagementId,
                "instrumentVersionId", world.publishedVersion.substring(world.publishedVersion.lastIndexOf('/') + 1),
                "cadence", "WEEKLY", "japanSendTime", "09:00", "hqSendTime", "09:00", "daysOpen", 5,
                "startDate", "2099-01-05");
    }

    private String freshSchedule(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/schedules", schedule(world));
        remember(world, created.field("id"), created.field("name"));
        return created.field("id");
    }

    /** On a schedule of its own: a second open wave on one schedule would need a reason. */
    private String freshWave(World world) {
        String wave = asOperator(HttpMethod.POST, base(world) + "/schedules/" + freshSchedule(world) + "/waves", null).field("id");
        remember(world, wave);
        return wave;
    }

    private static String base(World world) {
        return "/api/v1/tenants/" + world.tenant.id();
    }

    // ---- fresh objects for cells that change or remove them ----

    private String freshParticipant(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/participants", person());
        remember(world, created.field("id"), created.field("email"));
        return created.field("id");
    }

    /** A label no other event has, so the other tenant's is recognisable if it ever leaks. */
    private Map<String, Object> timelineEvent() {
        return Map.of("occurredOn", "2026-02-02", "kind", "ORGANISATION_CHANGE", "labelEn", "Reorg " + UUID.randomUUID());
    }

    /** "{engagementId}/events/{eventId}" of a new event of the world's engagement. */
    private String freshTimelineEvent(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/engagements/" + world.engagementId + "/events", timelineEvent());
        remember(world, created.field("id"), created.field("labelEn"));
        return world.engagementId + "/events/" + created.field("id");
    }

    private String freshEngagement(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/engagements", engagement());
        remember(world, created.field("id"), created.field("name"));
        return created.field("id");
    }

    /** A new instrument copied from the default; answers "{instrumentId}/versions/{draftId}". */
    private String newInstrumentDraft(World world) {
        Api.Reply created = asOperator(HttpMethod.POST, base(world) + "/instruments",
                Map.of("name", "Pulse " + UUID.randomUUID(), "copyOfDefault", true));
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = ((List<Map<String, Object>>) created.map().get("versions")).getFirst();
        return created.field("id") + "/versions/" + draft.get("id");
    }

    private String freshDraft(World world) {
        String draft = newInstrumentDraft(world);
        remember(world, draft.substring(0, draft.indexOf('/')), draft.substring(draft.lastIndexOf('/') + 1));
        return draft;
    }

    private String freshPublishedInstrument(World world) {
        String draft = freshDraft(world);
        asOperator(HttpMethod.POST, base(world) + "/instruments/" + draft + "/publish", null);
        return draft.substring(0, draft.indexOf('/'));
    }

    private static Map<String, Object> draftContent() {
        return Map.of("signs", List.of("EXCLUSION"), "items", List.of(Map.of("code", "EXCLUSION_1", "sign", "EXCLUSION",
                "audience", "JAPAN", "reverseKeyed", false, "textJapanEn", "We hear late.", "textJapanJa", "知らされるのが遅い。")));
    }

    private String freshMember(World world) {
        UserView member = fixtures.memberOf(world.tenant, Role.CONSULTANT);
        remember(world, member.id().toString(), member.email());
        return member.id().toString();
    }

    private String freshExecutive(World world) {
        UserView member = fixtures.memberOf(world.tenant, Role.EXECUTIVE);
        remember(world, member.id().toString(), member.email());
        return member.id().toString();
    }

    private void remember(World world, String... values) {
        if (world == other) {
            otherTenantSecrets.addAll(List.of(values));
        }
    }

    private Api.Reply asOperator(HttpMethod method, String path, Object body) {
        Api.Reply reply = send(method, path, body, tokens.get(Who.OPERATOR));
        assertThat(reply.status()).as("setup %s %s: %s", method, path, reply.body()).isBetween(200, 299);
        return reply;
    }

    private static Map<String, Object> person() {
        return Map.of("email", "p-" + UUID.randomUUID() + "@matrix.example", "displayName", "山田 花子",
                "side", "JAPAN", "level", "STAFF", "language", "ja");
    }

    private static Map<String, Object> engagement() {
        return Map.of("name", "Engagement " + UUID.randomUUID(), "startDate", "2026-01-01", "status", "ACTIVE");
    }

    private static byte[] csv() {
        return ("email,name,side,level,language\nimported-" + UUID.randomUUID() + "@matrix.example,輸入 太郎,JAPAN,STAFF,ja\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> newUser() {
        return Map.of("email", "new-" + UUID.randomUUID() + "@matrix.example", "displayName", "New Consultant",
                "role", "CONSULTANT", "password", Fixtures.PASSWORD);
    }

    /** A name no tenant has; remembered as a secret when the tenant renamed is the other one. */
    private Map<String, Object> rename() {
        String name = "Renamed tenant " + UUID.randomUUID();
        remember(bodyWorld, name);
        return Map.of("name", name);
    }

    private Map<String, Object> newTenant() {
        return Map.of("name", "New Tenant " + UUID.randomUUID(), "hqCountry", "US", "hqTimeZone", "America/New_York",
                "japanSubsidiaryName", "New KK");
    }

    private Api.Reply send(HttpMethod method, String path, Object body, String token) {
        MutableHttpRequest<?> request;
        if (body instanceof byte[] bytes) {
            request = HttpRequest.create(method, path).body(bytes).contentType("text/csv");
        } else if (body != null) {
            request = HttpRequest.create(method, path).body(body).contentType("application/json");
        } else {
            request = HttpRequest.create(method, path);
        }
        return api.send(request, token);
    }

    // ---- the matrix ----

    static int expected(Endpoint endpoint, Who who, Target target) {
        if (who == Who.ANONYMOUS) {
            return 401;
        }
        if (!ROUTE_ROLES.getOrDefault(endpoint.name(), endpoint.roles()).contains(who.role)) {
            return 403;
        }
        if (endpoint.scope() == Scope.GLOBAL) {
            return endpoint.success();
        }
        if (!who.mayEnter(target != Target.OTHER_TENANT)) {
            return 404;
        }
        if (PARTICIPANT_DATA.contains(endpoint.name()) && who == Who.EXECUTIVE_OF_TENANT) {
            return 403;
        }
        if (target == Target.OTHER_TENANTS_OBJECT_UNDER_OWN_TENANT) {
            return 404;
        }
        if (!endpoint.roles().contains(who.role)) {
            return 403;
        }
        return endpoint.success();
    }

    @ParameterizedTest(name = "{0} as {1} on {2}")
    @MethodSource("cells")
    void callerGetsExactlyWhatTheirRoleAndTenantAllow(Endpoint endpoint, Who who, Target target) {
        World pathWorld = target == Target.OTHER_TENANT ? other : own;
        World objectWorld = target == Target.OWN_TENANT ? own : other;
        String path = endpoint.path().replace("{t}", pathWorld.tenant.id().toString());
        if (endpoint.object() != null) {
            path = path.replace("{id}", endpoint.object().id(this, objectWorld));
        }
        bodyWorld = pathWorld;
        caller = who;
        Object body = endpoint.body() == null ? null : endpoint.body().body(this);
        int expected = expected(endpoint, who, target);
        boolean deniedWrite = expected >= 400 && endpoint.method() != HttpMethod.GET;
        Map<String, List<String>> before = deniedWrite ? snapshotOfBothTenants() : null;

        Api.Reply reply = send(endpoint.method(), path, body, tokens.get(who));

        assertThat(reply.status()).as("%s %s -> %s", endpoint.method(), path, reply.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
            assertThat(reply.field("status")).isEqualTo(String.valueOf(expected));
        }
        if (deniedWrite) {
            assertThat(snapshotOfBothTenants()).as("nothing changed after a denied write").isEqualTo(before);
        }
        boolean operatorSeesOtherTenantLegitimately = who == Who.OPERATOR
                && (endpoint.scope() == Scope.GLOBAL || target == Target.OTHER_TENANT);
        if (!operatorSeesOtherTenantLegitimately) {
            assertNothingOfTheOtherTenantIn(reply, path + " " + writeJson(body));
        }
    }

    private void assertNothingOfTheOtherTenantIn(Api.Reply reply, String request) {
        List<String> leaked = otherTenantSecrets.stream()
                .filter(secret -> !request.contains(secret))
                .filter(secret -> reply.body().contains(secret))
                .toList();
        assertThat(leaked).as("other tenant's data in %s", reply.body()).isEmpty();
    }

    private String writeJson(Object body) {
        if (body == null) {
            return "";
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an operator sees of a tenant: settings, participants, engagements, members, audit trail. */
    private Map<String, List<String>> snapshotOfBothTenants() {
        return Map.of("own", snapshot(own), "other", snapshot(other));
    }

    private List<String> snapshot(World world) {
        String token = tokens.get(Who.OPERATOR);
        List<String> state = new ArrayList<>();
        state.add(api.get(base(world), token).body());
        // q=@ matches every participant; see ParticipantCsvImportTest for why not the bare listing.
        state.addAll(sorted(api.get(base(world) + "/participants?q=@&size=500", token), "items"));
        state.addAll(sorted(api.get(base(world) + "/engagements", token), null));
        state.addAll(sorted(api.get(base(world) + "/members", token), null));
        state.addAll(sorted(api.get(base(world) + "/audit?size=500", token), "items"));
        state.addAll(sorted(api.get(base(world) + "/instruments", token), null));
        return state;
    }

    @SuppressWarnings("unchecked")
    private static List<String> sorted(Api.Reply reply, String itemsField) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<?> items = itemsField == null ? reply.list() : (List<?>) reply.map().getOrDefault(itemsField, List.of());
        return items.stream().map(Object::toString).sorted().toList();
    }

    // ---- single facts the matrix does not show ----

    @Test
    void tenantThatDoesNotExistAndTenantOfOthersGiveTheSameAnswer() {
        String consultant = tokens.get(Who.ASSIGNED_CONSULTANT);
        String missingPath = "/api/v1/tenants/" + UUID.randomUUID() + "/participants";
        String othersPath = base(other) + "/participants";

        Api.Reply missing = api.get(missingPath, consultant);
        Api.Reply others = api.get(othersPath, consultant);

        assertThat(others.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(others.body().replace(othersPath, "")).isEqualTo(missing.body().replace(missingPath, ""));
    }

    /** The bare listing fails (see the matrix); a filtered one must still show only the own tenant. */
    @Test
    void searchingParticipantsFindsNothingOfTheOtherTenantEvenByItsExactEmail() {
        String consultant = tokens.get(Who.ASSIGNED_CONSULTANT);

        Api.Reply all = api.get(base(own) + "/participants?q=@&size=500", consultant);
        Api.Reply targeted = api.get(base(own) + "/participants?q=" + other.participantEmail, consultant);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains(own.participantEmail);
        assertNothingOfTheOtherTenantIn(all, "");
        assertThat(targeted.status()).isEqualTo(200);
        assertThat(targeted.map().get("total")).isEqualTo(0);
    }

    @Test
    void tenantPathThatIsNoUuidIsNotFound() {
        Api.Reply reply = api.get("/api/v1/tenants/not-a-uuid/participants", tokens.get(Who.ASSIGNED_CONSULTANT));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void consultantTakenOffATenantLosesAccessWithTheTokenTheyStillHold() {
        UserView consultant = fixtures.memberOf(own.tenant, Role.CONSULTANT);
        String token = login(consultant);
        assertThat(api.get(base(own), token).status()).isEqualTo(200);

        asOperator(HttpMethod.DELETE, base(own) + "/members/" + consultant.id(), null);

        assertThat(api.get(base(own), token).status()).isEqualTo(404);
        assertThat(api.get(base(own) + "/participants/" + own.participantId, token).status()).isEqualTo(404);
    }

    @Test
    void participantPermissionGrantedByTheConsultantOpensParticipantDataAtOnceAndRevokingClosesIt() {
        UserView executive = fixtures.memberOf(own.tenant, Role.EXECUTIVE);
        String token = login(executive);
        String consultant = tokens.get(Who.ASSIGNED_CONSULTANT);
        String permission = base(own) + "/members/" + executive.id() + "/participant-admin";
        Api.Reply before = api.get(base(own) + "/participants/" + own.participantId, token);

        Api.Reply granted = send(HttpMethod.PUT, permission, Map.of("participantAdmin", true), consultant);
        Api.Reply during = api.get(base(own) + "/participants/" + own.participantId, token);
        Api.Reply me = api.get("/api/v1/me", token);
        send(HttpMethod.PUT, permission, Map.of("participantAdmin", false), consultant);
        Api.Reply after = api.get(base(own) + "/participants?q=@", token);

        assertThat(before.status()).isEqualTo(403);
        assertThat(before.body()).contains("participantAdmin").doesNotContain(own.participantEmail);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.map().get("participantAdmin")).isEqualTo(true);
        assertThat(during.status()).isEqualTo(200);
        assertThat(during.body()).contains(own.participantEmail);
        assertThat(me.body()).contains("\"participantAdmin\":true");
        assertThat(after.status()).isEqualTo(403);
        assertThat(api.get(base(own) + "/audit?size=500", tokens.get(Who.OPERATOR)).body())
                .contains("member.participant-admin.granted", "member.participant-admin.revoked");
    }

    @Test
    void executiveWithoutThePermissionSeesItOffInMeAndInTheMemberList() {
        Api.Reply me = api.get("/api/v1/me", tokens.get(Who.EXECUTIVE_OF_TENANT));
        List<Map<String, Object>> members = api.get(base(own) + "/members", tokens.get(Who.ASSIGNED_CONSULTANT)).list();

        assertThat(me.body()).contains("\"participantAdmin\":false");
        assertThat(members).filteredOn(m -> m.get("userId").equals(own.executive.id().toString()))
                .singleElement().satisfies(m -> assertThat(m.get("participantAdmin")).isEqualTo(false));
        assertThat(members).filteredOn(m -> m.get("userId").equals(own.participantAdmin.id().toString()))
                .singleElement().satisfies(m -> assertThat(m.get("participantAdmin")).isEqualTo(true));
    }

    @Test
    void participantPermissionIsOnlyForExecutivesAndNeedsAnExplicitValue() {
        String consultant = tokens.get(Who.ASSIGNED_CONSULTANT);

        Api.Reply onConsultant = send(HttpMethod.PUT, base(own) + "/members/" + own.consultant.id() + "/participant-admin",
                Map.of("participantAdmin", true), consultant);
        Api.Reply withoutValue = send(HttpMethod.PUT, base(own) + "/members/" + own.executive.id() + "/participant-admin",
                Map.of(), consultant);
        Api.Reply notABoolean = send(HttpMethod.PUT, base(own) + "/members/" + own.executive.id() + "/participant-admin",
                Map.of("participantAdmin", "yes"), consultant);

        assertThat(onConsultant.status()).isEqualTo(400);
        assertThat(onConsultant.body()).contains("participantAdmin");
        assertThat(withoutValue.status()).isEqualTo(400);
        assertThat(withoutValue.body()).contains("participantAdmin");
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me", tokens.get(Who.EXECUTIVE_OF_TENANT)).body()).contains("\"participantAdmin\":false");
    }

    @Test
    void executiveCannotBeGivenASecondTenant() {
        Api.Reply reply = send(HttpMethod.PUT, base(other) + "/members/" + own.executive.id(), null, tokens.get(Who.OPERATOR));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(api.get(base(other) + "/members", tokens.get(Who.OPERATOR)).body()).doesNotContain(own.executive.id().toString());
    }

    @Test
    void engagementCannotBeStaffedWithAConsultantOfAnotherTenant() {
        Map<String, Object> body = new java.util.HashMap<>(engagement());
        body.put("consultantIds", List.of(other.consultant.id().toString()));

        Api.Reply reply = send(HttpMethod.POST, base(own) + "/engagements", body, tokens.get(Who.ASSIGNED_CONSULTANT));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("consultantIds");
    }

    @Test
    void meAndTenantListShowNonOperatorsOnlyTheirOwnTenants() {
        for (Who who : List.of(Who.ASSIGNED_CONSULTANT, Who.EXECUTIVE_OF_TENANT)) {
            assertThat(api.get("/api/v1/me", tokens.get(who)).body()).as("%s /me", who).contains(own.tenant.id().toString());
            List<Map<String, Object>> tenants = api.get("/api/v1/tenants", tokens.get(who)).list();
            assertThat(tenants).as("%s /tenants", who).extracting(t -> t.get("id")).containsExactly(own.tenant.id().toString());
        }
        assertThat(api.get("/api/v1/tenants", tokens.get(Who.UNASSIGNED_CONSULTANT)).list()).isEmpty();
    }
}
