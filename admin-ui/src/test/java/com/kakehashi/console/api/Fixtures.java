package com.kakehashi.console.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Small, readable test data: {@code Fixtures.consultant()}, {@code Fixtures.executiveOf(tenant)}. */
public final class Fixtures {

    public static final Tenant NORTHWIND = new Tenant(UUID.randomUUID(), "Northwind Industries", "US",
            "America/Chicago", "ノースウィンド・ジャパン株式会社", 5, 10, OffsetDateTime.now());
    public static final Tenant CONTOSO = new Tenant(UUID.randomUUID(), "Contoso Medical", "DE", "Europe/Berlin",
            "コントソ・メディカル合同会社", 5, 10, OffsetDateTime.now());

    private Fixtures() {
    }

    public static CurrentUser operator() {
        return new CurrentUser(UUID.randomUUID(), "operator@kakehashi.example", "Olivia Operator", Role.OPERATOR, List.of());
    }

    public static CurrentUser consultant() {
        return new CurrentUser(UUID.randomUUID(), "consultant@kakehashi.example", "Kenji Consultant", Role.CONSULTANT,
                List.of(ref(NORTHWIND), ref(CONTOSO)));
    }

    public static CurrentUser executiveOf(Tenant tenant) {
        return new CurrentUser(UUID.randomUUID(), "exec@example.com", "Erin Executive", Role.EXECUTIVE,
                List.of(ref(tenant)));
    }

    /** An executive whose membership has ({@code true}) or lacks the client-administrator permission. */
    public static CurrentUser executiveOf(Tenant tenant, boolean participantAdmin) {
        return new CurrentUser(UUID.randomUUID(), "exec@example.com", "Erin Executive", Role.EXECUTIVE,
                List.of(new TenantRef(tenant.id(), tenant.name(), participantAdmin)));
    }

    public static FakeKakehashiApi apiFor(CurrentUser user, Tenant... tenants) {
        var api = new FakeKakehashiApi(user);
        for (var tenant : tenants) {
            api.tenants.put(tenant.id(), tenant);
        }
        return api;
    }

    public static ParticipantDraft japanStaff(String email) {
        return new ParticipantDraft(email, "山田 花子", Side.JAPAN, Level.STAFF, "ja", "Asia/Tokyo", "営業部");
    }

    public static ApiProblem validationProblem(String field, String message) {
        return new ApiProblem("about:blank", "Bad Request", 400, "Invalid request",
                List.of(new ApiProblem.FieldError(field, message)));
    }

    private static TenantRef ref(Tenant tenant) {
        return new TenantRef(tenant.id(), tenant.name());
    }
}
