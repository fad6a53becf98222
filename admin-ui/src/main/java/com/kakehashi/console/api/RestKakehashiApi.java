package com.kakehashi.console.api;

import com.kakehashi.console.client.ApiException;
import com.kakehashi.console.client.api.AccountsApi;
import com.kakehashi.console.client.api.AuditApi;
import com.kakehashi.console.client.api.EngagementsApi;
import com.kakehashi.console.client.api.MembersApi;
import com.kakehashi.console.client.api.ParticipantsApi;
import com.kakehashi.console.client.api.TenantsApi;
import com.kakehashi.console.client.model.EngagementDetails;
import com.kakehashi.console.client.model.NewAccount;
import com.kakehashi.console.client.model.NewTenant;
import com.kakehashi.console.client.model.ParticipantDetails;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

/** {@link KakehashiApi} over the client generated from the backend's OpenAPI document. */
final class RestKakehashiApi implements KakehashiApi {

    /** A call to the generated client; every checked {@link ApiException} becomes a {@link ProblemException}. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws ApiException;
    }

    @FunctionalInterface
    private interface VoidCall {
        void run() throws ApiException;
    }

    private final RestAuthenticator authenticator;
    private final String accessToken;
    private final AccountsApi accounts;
    private final TenantsApi tenants;
    private final MembersApi members;
    private final ParticipantsApi participants;
    private final EngagementsApi engagements;
    private final AuditApi audit;

    RestKakehashiApi(RestAuthenticator authenticator, String accessToken) {
        this.authenticator = authenticator;
        this.accessToken = accessToken;
        var client = authenticator.client(accessToken);
        accounts = new AccountsApi(client);
        tenants = new TenantsApi(client);
        members = new MembersApi(client);
        participants = new ParticipantsApi(client);
        engagements = new EngagementsApi(client);
        audit = new AuditApi(client);
    }

    @Override
    public CurrentUser me() {
        return call(() -> ModelMapper.currentUser(accounts.me()));
    }

    @Override
    public List<Tenant> tenants() {
        return call(() -> tenants.listTenants().stream().map(ModelMapper::tenant).toList());
    }

    @Override
    public Tenant tenant(UUID tenantId) {
        return call(() -> ModelMapper.tenant(tenants.getTenant(tenantId)));
    }

    @Override
    public Tenant createTenant(TenantDraft draft) {
        return call(() -> ModelMapper.tenant(tenants.createTenant(new NewTenant().name(draft.name())
                .hqCountry(draft.hqCountry()).hqTimeZone(draft.hqTimeZone())
                .japanSubsidiaryName(draft.japanSubsidiaryName()).anonymityThreshold(draft.anonymityThreshold()))));
    }

    @Override
    public List<User> users() {
        return call(() -> accounts.listUsers().stream().map(ModelMapper::user).toList());
    }

    @Override
    public User createUser(UserDraft draft) {
        return call(() -> ModelMapper.user(accounts.createUser(new NewAccount().email(draft.email())
                .displayName(draft.displayName()).role(ModelMapper.role(draft.role())).password(draft.password())
                .tenantId(draft.tenantId()))));
    }

    @Override
    public List<Member> members(UUID tenantId) {
        return call(() -> members.listMembers(tenantId).stream().map(ModelMapper::member).toList());
    }

    @Override
    public void assignMember(UUID tenantId, UUID userId) {
        run(() -> members.assignMember(tenantId, userId));
    }

    @Override
    public void unassignMember(UUID tenantId, UUID userId) {
        run(() -> members.unassignMember(tenantId, userId));
    }

    @Override
    public PageResult<Participant> participants(UUID tenantId, ParticipantFilter filter, int page, int size) {
        return call(() -> ModelMapper.participantPage(participants.listParticipants(tenantId, page, size,
                ModelMapper.side(filter.side()), ModelMapper.level(filter.level()), filter.active(),
                filter.textOrNull())));
    }

    @Override
    public Participant createParticipant(UUID tenantId, ParticipantDraft draft) {
        return call(() -> ModelMapper.participant(participants.createParticipant(tenantId, details(draft))));
    }

    @Override
    public Participant updateParticipant(UUID tenantId, UUID participantId, ParticipantDraft draft) {
        return call(() -> ModelMapper.participant(participants.updateParticipant(tenantId, participantId, details(draft))));
    }

    @Override
    public void deactivateParticipant(UUID tenantId, UUID participantId) {
        run(() -> participants.deactivateParticipant(tenantId, participantId));
    }

    @Override
    public void eraseParticipant(UUID tenantId, UUID participantId) {
        run(() -> participants.eraseParticipant(tenantId, participantId));
    }

    /**
     * The generated java/native client serialises every request body with Jackson, which would send the CSV as a
     * base64 JSON string. The file must reach the backend as the raw bytes (it may be Shift_JIS), so this one call
     * goes through a client whose request hook puts the bytes back as the body.
     */
    @Override
    public ImportReport importParticipants(UUID tenantId, byte[] csv) {
        var rawBody = new ParticipantsApi(authenticator.client(accessToken,
                request -> request.method("POST", HttpRequest.BodyPublishers.ofByteArray(csv))));
        return call(() -> ModelMapper.importReport(rawBody.importParticipants(tenantId, csv)));
    }

    @Override
    public List<Engagement> engagements(UUID tenantId) {
        return call(() -> engagements.listEngagements(tenantId).stream().map(ModelMapper::engagement).toList());
    }

    @Override
    public Engagement createEngagement(UUID tenantId, EngagementDraft draft) {
        return call(() -> ModelMapper.engagement(engagements.createEngagement(tenantId, details(draft))));
    }

    @Override
    public Engagement updateEngagement(UUID tenantId, UUID engagementId, EngagementDraft draft) {
        return call(() -> ModelMapper.engagement(engagements.updateEngagement(tenantId, engagementId, details(draft))));
    }

    @Override
    public void deleteEngagement(UUID tenantId, UUID engagementId) {
        run(() -> engagements.deleteEngagement(tenantId, engagementId));
    }

    @Override
    public PageResult<AuditEntry> audit(UUID tenantId, int page, int size) {
        return call(() -> ModelMapper.auditPage(audit.listAudit(tenantId, page, size)));
    }

    private static ParticipantDetails details(ParticipantDraft draft) {
        return new ParticipantDetails().email(draft.email()).displayName(draft.displayName())
                .side(ModelMapper.side(draft.side())).level(ModelMapper.level(draft.level()))
                .language(draft.language()).timeZone(draft.timeZone()).department(draft.department());
    }

    private static EngagementDetails details(EngagementDraft draft) {
        return new EngagementDetails().name(draft.name()).goals(draft.goals()).startDate(draft.startDate())
                .endDate(draft.endDate()).status(ModelMapper.status(draft.status()))
                .consultantIds(draft.consultantIds());
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw ProblemTranslator.from(e);
        }
    }

    private static void run(VoidCall call) {
        try {
            call.run();
        } catch (ApiException e) {
            throw ProblemTranslator.from(e);
        }
    }
}
