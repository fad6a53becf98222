package com.kakehashi.web;

import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint fed what clients get wrong: missing, oversize, mistyped and unknown values,
 * broken or empty JSON, the wrong media type, a body over the 5 MB limit. The answer is always a
 * 4xx problem+json naming the field where there is one, never a 500 or a stack trace, and not a
 * single row anywhere changes.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final List<String> TABLES = List.of("app_user", "tenant", "tenant_membership", "participant",
            "engagement", "engagement_consultant", "audit_event", "login_throttle", "instrument", "instrument_version",
            "instrument_item", "pulse_schedule", "wave", "invitation", "mail_outbox", "initiative", "initiative_milestone",
            "decision", "alert_settings", "alert", "alert_note", "alert_observation", "alert_evaluation", "action", "action_owner",
            "action_comment", "register_item", "register_version", "register_approval");
    private static final int OVER_LIMIT = 6 * 1024 * 1024;

    /** A write endpoint and a body it accepts; cases break one thing in it. */
    enum Target {
        LOGIN(HttpMethod.POST, "/login", Map.of("username", "someone@test.example", "password", "whatever password")),
        USER(HttpMethod.POST, "/api/v1/users", Map.of("email", "new@test.example", "displayName", "New Person",
                "role", "CONSULTANT", "password", "a long enough password")),
        TENANT(HttpMethod.POST, "/api/v1/tenants", Map.of("name", "Bad Input Co", "hqCountry", "DE",
                "hqTimeZone", "Europe/Berlin", "japanSubsidiaryName", "Bad Input KK")),
        TENANT_CHANGE(HttpMethod.PATCH, "/api/v1/tenants/{t}", Map.of("japanSubsidiaryName", "Changed KK")),
        PARTICIPANT(HttpMethod.POST, "/api/v1/tenants/{t}/participants", Map.of("email", "p@test.example",
                "displayName", "山田 花子", "side", "JAPAN", "level", "STAFF", "language", "ja")),
        PARTICIPANT_CHANGE(HttpMethod.PUT, "/api/v1/tenants/{t}/participants/{p}", PARTICIPANT.valid),
        ENGAGEMENT(HttpMethod.POST, "/api/v1/tenants/{t}/engagements", Map.of("name", "Bad input engagement",
                "startDate", "2026-04-01", "status", "PLANNED")),
        ENGAGEMENT_CHANGE(HttpMethod.PUT, "/api/v1/tenants/{t}/engagements/{e}", ENGAGEMENT.valid),
        INSTRUMENT(HttpMethod.POST, "/api/v1/tenants/{t}/instruments", Map.of("name", "Bad input pulse",
                "copyOfDefault", true)),
        INSTRUMENT_DRAFT(HttpMethod.PUT, "/api/v1/tenants/{t}/instruments/{i}/versions/{v}/items", Map.of("items",
                List.of(Map.of("code", "EXCLUSION_9", "sign", "EXCLUSION", "audience", "JAPAN", "reverseKeyed", false,
                        "textJapanEn", "We hear late.", "textJapanJa", "知らされるのが遅い。")))),
        // "{e}" and "{pv}" in bodies stand for the engagement and a published instrument version.
        SCHEDULE(HttpMethod.POST, "/api/v1/tenants/{t}/schedules", Map.of("name", "Bad input pulse", "surveyTitleEn", "Pulse survey", "surveyTitleJa", "パルスサーベイ", "engagementId", "{e}",
                "instrumentVersionId", "{pv}", "cadence", "WEEKLY", "japanSendTime", "09:00", "hqSendTime", "09:00",
                "daysOpen", 5, "startDate", "2099-01-05")),
        INITIATIVE(HttpMethod.POST, "/api/v1/tenants/{t}/initiatives", Map.of("engagementId", "{e}",
                "title", "Direct channel", "announcedOn", "2026-01-10")),
        DECISION(HttpMethod.POST, "/api/v1/tenants/{t}/decisions", Map.of("engagementId", "{e}",
                "title", "Pricing", "proposedOn", "2026-02-01", "japanConsulted", false)),
        ALERT_SETTINGS(HttpMethod.PUT, "/api/v1/tenants/{t}/alert-settings", Map.ofEntries(Map.entry("riskThreshold", 60),
                Map.entry("worseningWaves", 5), Map.entry("gapWaves", 5), Map.entry("gapThreshold", 15),
                Map.entry("responseRateDrop", 15), Map.entry("neutralSharePercent", 40), Map.entry("alpha", 0.05),
                Map.entry("minimumEffect", 8), Map.entry("minimumN", 10), Map.entry("clearWaves", 2),
                Map.entry("correction", "BENJAMINI_HOCHBERG"))),
        // The body is validated before the alert is looked up, so any alert id will do.
        ALERT_NOTE(HttpMethod.POST, "/api/v1/tenants/{t}/alerts/" + UUID.randomUUID() + "/notes", Map.of("text", "Spoke to them.")),
        ACTION(HttpMethod.POST, "/api/v1/tenants/{t}/actions", Map.of("engagementId", "{e}", "title", "Pre-brief Japan leadership",
                "language", "en", "signs", List.of("EXCLUSION"), "startOn", "2026-03-01", "dueOn", "2026-06-01",
                "hqOwner", Map.of("name", "Anna Schmidt", "email", "anna@test.example", "language", "en"),
                "japanOwner", Map.of("name", "佐藤 健", "email", "sato@test.example", "language", "ja"))),
        // Bodies are validated before the action is looked up, so any action id will do.
        ACTION_AGREEMENT(HttpMethod.POST, "/api/v1/tenants/{t}/actions/" + UUID.randomUUID() + "/agreements", Map.of("side", "HQ")),
        ACTION_DROP(HttpMethod.POST, "/api/v1/tenants/{t}/actions/" + UUID.randomUUID() + "/drop", Map.of("reason", "Replanned.")),
        ACTION_COMMENT(HttpMethod.POST, "/api/v1/tenants/{t}/actions/" + UUID.randomUUID() + "/comments",
                Map.of("text", "確認しました。", "language", "ja")),
        REGISTER_ITEM(HttpMethod.POST, "/api/v1/tenants/{t}/register", Map.of("title", "Discount policy", "area", "PRICING",
                "signs", List.of("RISK_LENS"), "classification", "NON_NEGOTIABLE", "rationale", "Margins are managed globally.")),
        // The body is validated before the item is looked up, so any item id will do.
        REGISTER_VERSION(HttpMethod.POST, "/api/v1/tenants/{t}/register/" + UUID.randomUUID() + "/versions",
                Map.of("classification", "ADAPTABLE", "rationale", "Local rebates within a global corridor.", "basedOn", 1)),
        REGISTER_APPROVAL(HttpMethod.POST, "/api/v1/tenants/{t}/register/" + UUID.randomUUID() + "/approvals",
                Map.of("side", "JAPAN", "decision", "DISAGREE", "version", 1, "comment", "Distributors expect local rebates."));

        final HttpMethod method;
        final String path;
        final Map<String, Object> valid;

        Target(HttpMethod method, String path, Map<String, Object> valid) {
            this.method = method;
            this.path = path;
            this.valid = valid;
        }
    }

    /** A request body, raw, with the media type it is sent as. */
    record Body(String contentType, byte[] bytes, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static Body json(Object value, String description) {
        try {
            return new Body("application/json", JSON.writeValueAsBytes(value), description);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Body raw(String contentType, String text, String description) {
        return new Body(contentType, text.getBytes(StandardCharsets.UTF_8), description);
    }

    private static Map<String, Object> with(Target target, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(target.valid);
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(Target target, String field) {
        Map<String, Object> body = new LinkedHashMap<>(target.valid);
        body.remove(field);
        return body;
    }

    private static Arguments invalid(Target target, String field, Object value, String why) {
        return Arguments.of(target, json(with(target, field, value), field + " " + why), 400, field);
    }

    /** The field set to a JSON value written by hand (an escape the serializer would not produce). */
    private static Arguments invalidRaw(Target target, String field, String rawJson, String why) {
        String body = new String(json(with(target, field, "@@VALUE@@"), "").bytes(), StandardCharsets.UTF_8)
                .replace("\"@@VALUE@@\"", rawJson);
        return Arguments.of(target, raw("application/json", body, field + " " + why), 400, field);
    }

    static Stream<Arguments> badBodies() {
        List<Arguments> cases = new ArrayList<>();
        String tooLong = "x".repeat(201);
        // missing and empty required fields
        cases.add(Arguments.of(Target.LOGIN, json(without(Target.LOGIN, "password"), "password missing"), 400, "password"));
        cases.add(Arguments.of(Target.USER, json(without(Target.USER, "email"), "email missing"), 400, "email"));
        cases.add(Arguments.of(Target.TENANT, json(without(Target.TENANT, "hqCountry"), "hqCountry missing"), 400, "hqCountry"));
        cases.add(Arguments.of(Target.PARTICIPANT, json(without(Target.PARTICIPANT, "side"), "side missing"), 400, "side"));
        cases.add(Arguments.of(Target.PARTICIPANT_CHANGE, json(without(Target.PARTICIPANT, "email"), "email missing"), 400, "email"));
        cases.add(Arguments.of(Target.ENGAGEMENT, json(without(Target.ENGAGEMENT, "startDate"), "startDate missing"), 400, "startDate"));
        cases.add(Arguments.of(Target.ENGAGEMENT_CHANGE, json(without(Target.ENGAGEMENT, "name"), "name missing"), 400, "name"));
        cases.add(invalid(Target.PARTICIPANT, "displayName", "   ", "blank"));
        cases.add(Arguments.of(Target.INSTRUMENT, json(without(Target.INSTRUMENT, "name"), "name missing"), 400, "name"));
        cases.add(invalid(Target.INSTRUMENT, "name", tooLong, "too long"));
        cases.add(invalid(Target.INSTRUMENT_DRAFT, "items", null, "null"));
        cases.add(Arguments.of(Target.INSTRUMENT_DRAFT, json(with(Target.INSTRUMENT_DRAFT, "items", List.of(Map.of(
                "code", " ", "sign", "EXCLUSION", "audience", "BOTH", "reverseKeyed", true))), "items[0].code blank"),
                400, "items[0].code"));
        cases.add(Arguments.of(Target.INSTRUMENT_DRAFT, json(with(Target.INSTRUMENT_DRAFT, "items", List.of(Map.of(
                "code", "EXCLUSION_9", "sign", "EXCLUSION", "audience", "JAPAN", "reverseKeyed", false,
                "textJapanJa", "x".repeat(501)))), "items[0].textJapanJa too long"), 400, "items[0].textJapanJa"));
        cases.add(Arguments.of(Target.INSTRUMENT_DRAFT, json(with(Target.INSTRUMENT_DRAFT, "items", List.of(Map.of(
                "code", "EXCLUSION_9", "audience", "JAPAN", "reverseKeyed", false))), "items[0].sign missing"),
                400, "items[0].sign"));
        cases.add(Arguments.of(Target.INSTRUMENT_DRAFT, json(with(Target.INSTRUMENT_DRAFT, "items", List.of(Map.of(
                "code", "EXCLUSION_9", "sign", "EXCLUSION", "audience", "JAPAN", "reverseKeyed", false,
                "textHqEn", "Nobody at HQ is asked this."))), "HQ text on a Japan-only item"), 400, "items[0].textHqEn"));
        cases.add(Arguments.of(Target.INSTRUMENT_DRAFT, json(with(Target.INSTRUMENT_DRAFT, "items", List.of(Map.of(
                "code", "EXCLUSION_9", "sign", "MARS", "audience", "JAPAN", "reverseKeyed", false))), "unknown sign"),
                400, null));
        cases.add(invalid(Target.TENANT_CHANGE, "name", "", "empty"));
        cases.add(invalid(Target.TENANT_CHANGE, "tokenLinkRetentionDays", 0, "zero days"));
        cases.add(invalid(Target.TENANT_CHANGE, "commentRetentionMonths", 121, "over ten years"));
        cases.add(invalid(Target.TENANT_CHANGE, "auditRetentionDays", 30, "shorter than 90 days"));
        cases.add(invalid(Target.TENANT_CHANGE, "auditRetentionDays", "forever", "not a number"));
        cases.add(invalid(Target.PARTICIPANT, "email", null, "null"));
        // oversize
        cases.add(invalid(Target.LOGIN, "username", "x".repeat(255), "too long"));
        cases.add(invalid(Target.USER, "displayName", tooLong, "too long"));
        cases.add(invalid(Target.USER, "password", "short", "too short"));
        cases.add(invalid(Target.TENANT, "name", tooLong, "too long"));
        cases.add(invalid(Target.TENANT_CHANGE, "japanSubsidiaryName", tooLong, "too long"));
        cases.add(invalid(Target.PARTICIPANT, "displayName", tooLong, "too long"));
        cases.add(invalid(Target.PARTICIPANT, "department", tooLong, "too long"));
        cases.add(invalid(Target.PARTICIPANT_CHANGE, "email", "a".repeat(250) + "@x.example", "too long"));
        cases.add(invalid(Target.ENGAGEMENT, "goals", "x".repeat(4001), "too long"));
        cases.add(invalid(Target.ENGAGEMENT, "consultantIds",
                Stream.generate(() -> UUID.randomUUID().toString()).limit(51).toList(), "too many"));
        // wrong types and formats
        cases.add(invalid(Target.USER, "email", "not-an-email", "not an email"));
        cases.add(invalid(Target.TENANT, "anonymityThreshold", "many", "not a number"));
        cases.add(invalid(Target.TENANT, "anonymityThreshold", 2, "below the anonymity floor"));
        cases.add(invalid(Target.TENANT, "commentThreshold", "ten", "not a number"));
        cases.add(invalid(Target.TENANT, "commentThreshold", 4, "below k"));
        cases.add(invalid(Target.TENANT_CHANGE, "commentThreshold", 2, "below the anonymity floor"));
        cases.add(invalid(Target.TENANT_CHANGE, "commentThreshold", Map.of("value", 12), "an object"));
        cases.add(invalid(Target.TENANT, "hqCountry", "Germany", "not a country code"));
        cases.add(invalid(Target.TENANT, "hqTimeZone", "Mars/Olympus", "not a time zone"));
        // An object where a number or text belongs: the strict deserializers in web/ name the field.
        cases.add(invalid(Target.TENANT_CHANGE, "anonymityThreshold", Map.of("value", 7), "an object"));
        cases.add(invalid(Target.PARTICIPANT, "displayName", Map.of("first", "花子"), "an object"));
        cases.add(invalid(Target.PARTICIPANT, "timeZone", "Asia/Nowhere", "not a time zone"));
        cases.add(invalid(Target.ENGAGEMENT, "startDate", "yesterday", "not a date"));
        cases.add(invalid(Target.ENGAGEMENT, "endDate", "2026-03-01", "before the start"));
        cases.add(invalid(Target.ENGAGEMENT, "consultantIds", List.of("not-a-uuid"), "not uuids"));
        cases.add(invalid(Target.ENGAGEMENT, "startDate", 20260401, "a number"));
        cases.add(invalid(Target.ENGAGEMENT_CHANGE, "status", 1, "a number"));
        cases.add(invalid(Target.SCHEDULE, "surveyTitleEn", " ", "blank"));
        cases.add(invalid(Target.SCHEDULE, "surveyTitleJa", "あ".repeat(121), "too long"));
        cases.add(invalid(Target.SCHEDULE, "surveyTitleEn", "Pulse \u202Eyevrus", "a right-to-left override"));
        cases.add(invalid(Target.SCHEDULE, "daysOpen", 0, "below one day"));
        cases.add(invalid(Target.SCHEDULE, "daysOpen", 61, "over sixty days"));
        cases.add(invalid(Target.SCHEDULE, "cadence", "DAILY", "unknown"));
        cases.add(invalid(Target.SCHEDULE, "reminderOffsetDays", List.of(7), "after the wave closes"));
        cases.add(invalid(Target.SCHEDULE, "instrumentVersionId", UUID.randomUUID().toString(), "not a published version"));
        cases.add(invalid(Target.SCHEDULE, "engagementId", UUID.randomUUID().toString(), "not an engagement of the tenant"));
        cases.add(invalid(Target.SCHEDULE, "endDate", "2098-01-01", "before the start"));
        cases.add(Arguments.of(Target.INITIATIVE, json(without(Target.INITIATIVE, "announcedOn"), "announcedOn missing"), 400, "announcedOn"));
        cases.add(invalid(Target.INITIATIVE, "title", "x".repeat(201), "too long"));
        cases.add(invalid(Target.DECISION, "approvedOn", "2026-01-01", "before the proposal"));
        cases.add(invalid(Target.DECISION, "proposedOn", "someday", "not a date"));
        cases.add(invalid(Target.DECISION, "consultedOn", "someday", "not a date"));
        cases.add(invalid(Target.DECISION, "executionStartedOn", "2026-01-01", "before the proposal"));
        cases.add(invalid(Target.DECISION, "executionStartedOn", 20260301, "a number, not a date"));
        cases.add(invalid(Target.REGISTER_ITEM, "title", tooLong, "too long"));
        cases.add(invalid(Target.REGISTER_ITEM, "rationale", "  ", "blank"));
        cases.add(invalid(Target.REGISTER_ITEM, "area", "MARKETING", "not an area"));
        cases.add(invalid(Target.REGISTER_ITEM, "classification", "GLOBAL", "not a classification"));
        cases.add(Arguments.of(Target.REGISTER_ITEM, json(without(Target.REGISTER_ITEM, "classification"), "classification missing"), 400, "classification"));
        cases.add(invalid(Target.REGISTER_VERSION, "basedOn", 0, "not a version"));
        cases.add(invalid(Target.REGISTER_VERSION, "rationale", "x".repeat(4001), "too long"));
        cases.add(invalid(Target.REGISTER_APPROVAL, "version", "latest", "text, not a version"));
        cases.add(invalid(Target.REGISTER_APPROVAL, "decision", "MAYBE", "not a decision"));
        cases.add(invalid(Target.REGISTER_APPROVAL, "approverName", tooLong, "too long"));
        cases.add(Arguments.of(Target.REGISTER_APPROVAL, json(without(Target.REGISTER_APPROVAL, "side"), "side missing"), 400, "side"));
        // strict JSON types: no silent coercion
        cases.add(invalid(Target.DECISION, "japanConsulted", "BOGUS", "a word, not a boolean"));
        cases.add(invalid(Target.DECISION, "japanConsulted", 123, "a number, not a boolean"));
        cases.add(invalid(Target.DECISION, "japanConsulted", "true", "text, not a boolean"));
        cases.add(invalid(Target.DECISION, "japanConsulted", null, "null"));
        cases.add(Arguments.of(Target.DECISION, json(without(Target.DECISION, "japanConsulted"), "japanConsulted missing"), 400, "japanConsulted"));
        cases.add(invalid(Target.PARTICIPANT, "displayName", 123, "a number, not text"));
        cases.add(invalid(Target.PARTICIPANT, "displayName", List.of("花子"), "a list, not text"));
        cases.add(invalid(Target.SCHEDULE, "daysOpen", 5.5, "a fraction, not a whole number"));
        cases.add(invalid(Target.SCHEDULE, "daysOpen", "5", "text, not a number"));
        cases.add(invalid(Target.ALERT_SETTINGS, "riskThreshold", true, "a boolean, not a number"));
        cases.add(invalid(Target.ENGAGEMENT, "consultantIds", List.of(12345), "numbers, not uuids"));
        // text that cannot be stored or would display misleadingly
        cases.add(invalidRaw(Target.TENANT, "name", "\"Bad\\u0000Co\"", "with NUL"));
        cases.add(invalidRaw(Target.LOGIN, "username", "\"a\\u0000@test.example\"", "with NUL"));
        cases.add(invalidRaw(Target.LOGIN, "password", "\"pass\\u0000word long enough\"", "with NUL"));
        cases.add(invalidRaw(Target.PARTICIPANT, "displayName", "\"\\ud800\"", "a lone surrogate"));
        cases.add(invalidRaw(Target.ALERT_NOTE, "text", "\"fine \\udc00\"", "a lone low surrogate"));
        cases.add(invalidRaw(Target.ENGAGEMENT, "name", "\"Pay \\u202Efdp.exe\"", "a bidi override"));
        cases.add(invalidRaw(Target.INITIATIVE, "title", "\"\\u2067Direct\\u2069\"", "bidi isolates"));
        cases.add(invalidRaw(Target.USER, "displayName", "\"Ring\\u0007\"", "a control character"));
        cases.add(invalidRaw(Target.TENANT_CHANGE, "japanSubsidiaryName", "\"KK\\u0085\"", "a C1 control character"));
        cases.add(invalidRaw(Target.PARTICIPANT, "department", "\"Sales\\nEast\"", "two lines in a one-line field"));
        cases.add(invalidRaw(Target.INSTRUMENT_DRAFT, "commentPromptEn", "\"Tab\\there\"", "a tab in a one-line field"));
        // unknown enum values
        cases.add(invalid(Target.USER, "role", "ADMIN", "unknown"));
        cases.add(invalid(Target.PARTICIPANT, "side", "MARS", "unknown"));
        cases.add(invalid(Target.PARTICIPANT_CHANGE, "level", "INTERN", "unknown"));
        cases.add(invalid(Target.PARTICIPANT, "language", "fr", "unknown"));
        cases.add(invalid(Target.ENGAGEMENT, "status", "PAUSED", "unknown"));
        cases.add(invalid(Target.ALERT_SETTINGS, "riskThreshold", 101, "over 100"));
        cases.add(invalid(Target.ALERT_SETTINGS, "worseningWaves", 0, "below one wave"));
        cases.add(invalid(Target.ALERT_SETTINGS, "alpha", 0.5, "above 0.2"));
        cases.add(invalid(Target.ALERT_SETTINGS, "minimumN", 1, "below two"));
        cases.add(invalid(Target.ALERT_SETTINGS, "correction", "BONFERRONI", "not a correction"));
        cases.add(invalid(Target.ALERT_SETTINGS, "gapThreshold", "wide", "not a number"));
        cases.add(invalid(Target.ALERT_SETTINGS, "neutralSharePercent", -5, "negative"));
        cases.add(Arguments.of(Target.ALERT_SETTINGS, json(without(Target.ALERT_SETTINGS, "gapWaves"), "gapWaves missing"), 400, "gapWaves"));
        cases.add(invalid(Target.ALERT_NOTE, "text", "  ", "blank"));
        cases.add(invalid(Target.ALERT_NOTE, "text", "x".repeat(4001), "too long"));
        cases.add(invalid(Target.ACTION, "signs", List.of(), "empty"));
        cases.add(invalid(Target.ACTION, "signs", List.of("BAD_VIBES"), "an unknown sign"));
        cases.add(invalid(Target.ACTION, "dueOn", "2026-02-01", "before the start"));
        cases.add(invalid(Target.ACTION, "startOn", "soon", "not a date"));
        cases.add(invalid(Target.ACTION, "language", "fr", "neither ja nor en"));
        cases.add(invalid(Target.ACTION, "title", "x".repeat(201), "too long"));
        cases.add(invalid(Target.ACTION, "engagementId", UUID.randomUUID().toString(), "not an engagement of the tenant"));
        cases.add(invalid(Target.ACTION, "alertId", UUID.randomUUID().toString(), "not an alert of the tenant"));
        cases.add(Arguments.of(Target.ACTION, json(without(Target.ACTION, "japanOwner"), "japanOwner missing"), 400, "japanOwner"));
        cases.add(Arguments.of(Target.ACTION, json(with(Target.ACTION, "hqOwner", Map.of("name", "Anna Schmidt", "email", "anna",
                "language", "en")), "hqOwner.email not an address"), 400, "hqOwner.email"));
        cases.add(Arguments.of(Target.ACTION, json(with(Target.ACTION, "hqOwner", Map.of("userId", UUID.randomUUID().toString())),
                "hqOwner.userId not a member"), 400, "hqOwner.userId"));
        cases.add(Arguments.of(Target.ACTION, json(with(Target.ACTION, "japanOwner", Map.of("name", "Anna", "email", "ANNA@test.example",
                "language", "ja")), "the same person owns both sides"), 400, "japanOwner"));
        cases.add(Arguments.of(Target.ACTION, json(with(Target.ACTION, "japanOwner", Map.of("name", "佐藤 健", "email", "sato@test.example")),
                "japanOwner.language missing"), 400, "japanOwner.language"));
        cases.add(invalid(Target.ACTION, "hqOwner", 42, "a number, not an owner"));
        cases.add(invalid(Target.ACTION, "hqOwner", List.of("Anna"), "a list, not an owner"));
        cases.add(invalid(Target.ACTION, "japanOwner", Map.of(), "an owner without anything"));
        cases.add(Arguments.of(Target.ACTION, json(with(Target.ACTION, "japanOwner", Map.of("name", "佐藤\u202E健",
                "email", "sato@test.example", "language", "ja")), "japanOwner.name with a bidi override"), 400, "japanOwner"));
        cases.add(invalid(Target.ACTION_AGREEMENT, "side", "MARS", "unknown"));
        cases.add(invalid(Target.ACTION_AGREEMENT, "side", "REGIONAL", "a side without an owner"));
        cases.add(invalid(Target.ACTION_DROP, "reason", "  ", "blank"));
        cases.add(Arguments.of(Target.ACTION_DROP, json(without(Target.ACTION_DROP, "reason"), "reason missing"), 400, "reason"));
        cases.add(invalid(Target.ACTION_COMMENT, "text", "x".repeat(4001), "too long"));
        cases.add(invalid(Target.ACTION_COMMENT, "language", "de", "neither ja nor en"));
        // bodies that are not the expected JSON at all, on every endpoint
        for (Target target : Target.values()) {
            String valid = new String(json(target.valid, "").bytes(), StandardCharsets.UTF_8);
            cases.add(Arguments.of(target, raw("application/json", valid.substring(0, valid.length() - 1) + ",", "broken JSON"), 400, null));
            cases.add(Arguments.of(target, raw("application/json", "", "empty body"), 400, null));
            cases.add(Arguments.of(target, raw("application/json", "[1,2,3]", "an array instead of an object"), 400, null));
            cases.add(Arguments.of(target, raw("text/plain", valid, "valid JSON sent as text/plain"), 415, null));
            cases.add(Arguments.of(target, raw("application/json", "{\"name\":\"" + "x".repeat(OVER_LIMIT) + "\"}", "over 5 MB"), 413, null));
        }
        return cases.stream();
    }

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    @Value("${datasources.default.url}")
    String databaseUrl;

    Api api;
    String operator;
    TenantView tenant;
    String participantId;
    String engagementId;
    String publishedVersionId;
    String instrumentId;
    String draftId;

    @BeforeAll
    void aTenantWithSomethingToChange() {
        api = new Api(server.getURL(), json);
        operator = api.login(fixtures.operator().email(), Fixtures.PASSWORD);
        tenant = fixtures.tenant("BadInput");
        String base = "/api/v1/tenants/" + tenant.id();
        Map<String, Object> existing = new LinkedHashMap<>(Target.PARTICIPANT.valid);
        existing.put("email", "existing-" + UUID.randomUUID() + "@test.example");
        participantId = api.post(base + "/participants", existing, operator).field("id");
        engagementId = api.post(base + "/engagements", Target.ENGAGEMENT.valid, operator).field("id");
        assertThat(participantId).isNotNull();
        assertThat(engagementId).isNotNull();
        Api.Reply instrument = api.post(base + "/instruments", Target.INSTRUMENT.valid, operator);
        instrumentId = instrument.field("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = (List<Map<String, Object>>) instrument.map().get("versions");
        draftId = versions.getFirst().get("id").toString();
        Api.Reply published = api.post(base + "/instruments", Map.of("name", "Published pulse", "copyOfDefault", true), operator);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> publishedVersions = (List<Map<String, Object>>) published.map().get("versions");
        publishedVersionId = publishedVersions.getFirst().get("id").toString();
        assertThat(api.post(base + "/instruments/" + published.field("id") + "/versions/" + publishedVersionId + "/publish",
                Map.of(), operator).status()).isEqualTo(200);
    }

    private String path(String template) {
        return template.replace("{t}", tenant.id().toString()).replace("{p}", participantId).replace("{e}", engagementId)
                .replace("{i}", instrumentId).replace("{v}", draftId);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("badBodies")
    void badBodyIsAProblemNamingTheFieldAndChangesNothing(Target target, Body body, int status, String field) throws SQLException {
        Map<String, Long> before = rowCounts();
        byte[] bytes = new String(body.bytes(), StandardCharsets.UTF_8).replace("\"{e}\"", "\"" + engagementId + "\"")
                .replace("\"{pv}\"", "\"" + publishedVersionId + "\"").getBytes(StandardCharsets.UTF_8);
        MutableHttpRequest<?> request = HttpRequest.create(target.method, path(target.path))
                .body(bytes).contentType(body.contentType());

        Api.Reply reply = api.send(request, target == Target.LOGIN ? null : operator);

        assertProblem(reply, status, field);
        assertThat(rowCounts()).isEqualTo(before);
    }

    static Stream<Arguments> badCsvUploads() {
        String header = "email,name,side,level,language\n";
        String line = "big@test.example,大きい ファイル,JAPAN,STAFF,ja\n";
        return Stream.of(
                Arguments.of(raw("text/csv", "", "empty file"), 400),
                Arguments.of(raw("text/csv", header + "nul@test.example,Bad\u0000Name,JAPAN,STAFF,ja\n", "NUL in a name"), 400),
                Arguments.of(new Body("text/csv", (header + line).getBytes(StandardCharsets.UTF_16LE), "UTF-16"), 400),
                Arguments.of(raw("application/json", header + line, "CSV sent as JSON"), 415),
                Arguments.of(raw("application/xml", header + line, "CSV sent as XML"), 415),
                Arguments.of(raw("text/csv", header + line.repeat(OVER_LIMIT / line.length() + 1), "over 5 MB"), 413));
    }

    @ParameterizedTest(name = "import: {0} -> {1}")
    @MethodSource("badCsvUploads")
    void badCsvUploadIsAProblemAndImportsNothing(Body body, int status) throws SQLException {
        Map<String, Long> before = rowCounts();
        MutableHttpRequest<?> request = HttpRequest.POST(path("/api/v1/tenants/{t}/participants/import"), body.bytes())
                .contentType(body.contentType());

        Api.Reply reply = api.send(request, operator);

        assertProblem(reply, status, null);
        assertThat(rowCounts()).isEqualTo(before);
    }

    static Stream<Arguments> badPathsAndQueries() {
        return Stream.of(
                Arguments.of(HttpMethod.PUT, "/api/v1/tenants/{t}/members/not-a-uuid", 400, "userId"),
                Arguments.of(HttpMethod.PUT, "/api/v1/tenants/{t}/participants/not-a-uuid", 400, "participantId"),
                Arguments.of(HttpMethod.POST, "/api/v1/tenants/{t}/participants/not-a-uuid/deactivate", 400, "participantId"),
                Arguments.of(HttpMethod.DELETE, "/api/v1/tenants/{t}/engagements/not-a-uuid", 400, "engagementId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/participants?side=MARS", 400, "side"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/register?state=OPEN", 400, "state"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/register?classification=GLOBAL", 400, "classification"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/register/not-a-uuid", 400, "itemId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/participants?q=a%00b", 400, "q"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/participants?q=%E2%80%AE", 400, "q"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/outbox?status=%00", 400, "status"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/participants?size=0", 400, "size"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/participants?size=501", 400, "size"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/participants?page=-1", 400, "page"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/audit?size=many", 400, "size"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/trends?sides=MARS", 400, "sides"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/trends?levels=HQ,CEO", 400, "levels"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/trends?signs=BAD_VIBES", 400, "signs"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/trends?engagementId=not-a-uuid", 400, "engagementId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/trends?from=yesterday", 400, "from"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/trends?byLevel=perhaps", 400, "byLevel"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/trends?from=2027-02-01&to=2027-01-01", 400, "to"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/waves/not-a-uuid", 400, "waveId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/themes?waveId=not-a-uuid", 400, "waveId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/themes?sides=MARS", 400, "sides"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/themes?engagementId=not-a-uuid", 400, "engagementId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/themes?from=2027-02-01&to=2027-01-01", 400, "to"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/drivers?side=MARS", 400, "side"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/drivers?engagementId=not-a-uuid", 400, "engagementId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/drivers?from=yesterday", 400, "from"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/drivers?to=2027-13-01", 400, "to"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/drivers?from=2027-02-01&to=2027-01-01", 400, "to"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/insights/export.csv?sides=MARS", 400, "sides"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/alerts?status=LOUD", 400, "status"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/alerts/not-a-uuid", 400, "alertId"),
                Arguments.of(HttpMethod.POST, "/api/v1/tenants/{t}/alerts/not-a-uuid/acknowledge", 400, "alertId"),
                Arguments.of(HttpMethod.POST, "/api/v1/tenants/{t}/alerts/not-a-uuid/resolve", 400, "alertId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/actions?status=LATE", 400, "status"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/actions?engagementId=not-a-uuid", 400, "engagementId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/actions/not-a-uuid", 400, "actionId"),
                Arguments.of(HttpMethod.POST, "/api/v1/tenants/{t}/actions/not-a-uuid/start", 400, "actionId"),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/{t}/actions/not-a-uuid/comments", 400, "actionId"),
                Arguments.of(HttpMethod.DELETE, "/api/v1/tenants/{t}", 400, "confirm"),
                Arguments.of(HttpMethod.DELETE, "/api/v1/tenants/{t}?confirm=someone%20else", 400, "confirm"),
                Arguments.of(HttpMethod.DELETE, "/api/v1/tenants/{t}?confirm=%00", 400, "confirm"),
                Arguments.of(HttpMethod.GET, "/api/v1/platform-audit?limit=0", 400, "limit"),
                Arguments.of(HttpMethod.GET, "/api/v1/platform-audit?limit=many", 400, "limit"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("badPathsAndQueries")
    void badPathOrQueryValueIsAProblemNamingIt(HttpMethod method, String template, int status, String field) throws SQLException {
        Map<String, Long> before = rowCounts();
        MutableHttpRequest<?> request = HttpRequest.create(method, path(template));
        if (method == HttpMethod.PUT && template.contains("participants")) {
            request.body(Target.PARTICIPANT.valid).contentType("application/json");
        }

        Api.Reply reply = api.send(request, operator);

        assertProblem(reply, status, field);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void lineBreaksAreKeptInMultiLineTextAndSurrogatePairsAnywhere() {
        Map<String, Object> engagement = new LinkedHashMap<>(Target.ENGAGEMENT.valid);
        engagement.put("name", "Alignment 2027 \uD83C\uDF8C");
        engagement.put("goals", "First line\n\tSecond line");

        Api.Reply reply = api.post(path("/api/v1/tenants/{t}/engagements"), engagement, operator);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.field("goals")).isEqualTo("First line\n\tSecond line");
        assertThat(reply.field("name")).isEqualTo("Alignment 2027 \uD83C\uDF8C");
    }

    private static void assertProblem(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
        assertThat(reply.field("status")).isEqualTo(String.valueOf(status));
        assertThat(reply.body()).doesNotContain("at com.", "Exception", "com.kakehashi", "io.micronaut", "java.", "\tat ");
        if (field != null) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.map().get("errors");
            assertThat(errors).as(reply.body()).isNotNull().extracting(e -> e.get("field")).contains(field);
        }
    }

    /** Rows per table across all tenants, read as the database superuser (RLS would hide them from the app). */
    private Map<String, Long> rowCounts() throws SQLException {
        String admin = System.getenv().getOrDefault("KAKEHASHI_DB_ADMIN_USER", "postgres");
        String password = System.getenv().getOrDefault("KAKEHASHI_DB_ADMIN_PASSWORD", "");
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, admin, password);
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM " + table + " t")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                    counts.put(table + " content", (long) rs.getString(2).hashCode());
                }
            }
        }
        return counts;
    }
}
