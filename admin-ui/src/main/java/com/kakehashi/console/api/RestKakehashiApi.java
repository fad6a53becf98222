package com.kakehashi.console.api;

import com.kakehashi.console.client.ApiException;
import com.kakehashi.console.client.api.AccountsApi;
import com.kakehashi.console.client.api.AuditApi;
import com.kakehashi.console.client.api.EngagementsApi;
import com.kakehashi.console.client.api.MembersApi;
import com.kakehashi.console.client.api.InstrumentsApi;
import com.kakehashi.console.client.api.OutboxApi;
import com.kakehashi.console.client.api.ParticipantsApi;
import com.kakehashi.console.client.api.SchedulesApi;
import com.kakehashi.console.client.api.WavesApi;
import com.kakehashi.console.client.api.TenantsApi;
import com.kakehashi.console.client.model.EngagementDetails;
import com.kakehashi.console.client.model.NewAccount;
import com.kakehashi.console.client.model.NewTenant;
import com.kakehashi.console.client.model.TenantChanges;
import com.kakehashi.console.client.model.ParticipantDetails;
import com.kakehashi.console.client.model.ScheduleDetails;

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
    private final SchedulesApi schedules;
    private final WavesApi waves;
    private final com.kakehashi.console.client.api.ObjectiveSignalsApi objective;
    private final OutboxApi outbox;
    private final InstrumentsApi instruments;
    private final RestInsights insights;
    private final com.kakehashi.console.client.api.PortfolioApi portfolio;
    private final com.kakehashi.console.client.api.TimelineApi timeline;
    private final com.kakehashi.console.client.api.RegisterApi register;
    private final com.kakehashi.console.client.api.ActionsApi actions;

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
        schedules = new SchedulesApi(client);
        waves = new WavesApi(client);
        outbox = new OutboxApi(client);
        objective = new com.kakehashi.console.client.api.ObjectiveSignalsApi(client);
        instruments = new InstrumentsApi(client);
        insights = new RestInsights(client);
        portfolio = new com.kakehashi.console.client.api.PortfolioApi(client);
        timeline = new com.kakehashi.console.client.api.TimelineApi(client);
        register = new com.kakehashi.console.client.api.RegisterApi(client);
        actions = new com.kakehashi.console.client.api.ActionsApi(client);
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
                .japanSubsidiaryName(draft.japanSubsidiaryName()).anonymityThreshold(draft.anonymityThreshold())
                .commentThreshold(draft.commentThreshold()))));
    }

    @Override
    public RetentionSettings retention(UUID tenantId) {
        return call(() -> ModelMapper.retention(tenants.getTenant(tenantId)));
    }

    @Override
    public RetentionSettings updateRetention(UUID tenantId, RetentionSettings settings) {
        return call(() -> ModelMapper.retention(tenants.updateTenant(tenantId, new TenantChanges()
                .tokenLinkRetentionDays(settings.tokenLinkDays()).commentRetentionMonths(settings.commentMonths())
                .auditRetentionDays(settings.auditDays()))));
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
    public Member setParticipantAdmin(UUID tenantId, UUID userId, boolean granted) {
        return call(() -> ModelMapper.member(members.setParticipantAdmin(tenantId, userId,
                new com.kakehashi.console.client.model.ParticipantAdminChange().participantAdmin(granted))));
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

    @Override
    public List<Schedule> schedules(UUID tenantId) {
        return call(() -> schedules.listSchedules(tenantId).stream().map(ModelMapper::schedule).toList());
    }

    @Override
    public Schedule createSchedule(UUID tenantId, ScheduleDraft draft) {
        return call(() -> ModelMapper.schedule(schedules.createSchedule(tenantId, details(draft))));
    }

    @Override
    public Schedule updateSchedule(UUID tenantId, UUID scheduleId, ScheduleDraft draft) {
        return call(() -> ModelMapper.schedule(schedules.updateSchedule(tenantId, scheduleId, details(draft))));
    }

    @Override
    public void deleteSchedule(UUID tenantId, UUID scheduleId) {
        run(() -> schedules.deleteSchedule(tenantId, scheduleId));
    }

    @Override
    public Schedule pauseSchedule(UUID tenantId, UUID scheduleId) {
        return call(() -> ModelMapper.schedule(schedules.pauseSchedule(tenantId, scheduleId)));
    }

    @Override
    public Schedule resumeSchedule(UUID tenantId, UUID scheduleId) {
        return call(() -> ModelMapper.schedule(schedules.resumeSchedule(tenantId, scheduleId)));
    }

    /** The instrument list already carries each instrument's version summaries, so one call is enough. */
    @Override
    public List<InstrumentVersionChoice> publishedInstrumentVersions(UUID tenantId) {
        return call(() -> instruments.listInstruments(tenantId).stream()
                .flatMap(i -> i.getVersions().stream()
                        .filter(v -> v.getStatus() == com.kakehashi.console.client.model.VersionStatus.PUBLISHED)
                        .map(v -> new InstrumentVersionChoice(v.getId(), i.getName(), v.getVersionNumber(), i.getId())))
                .toList());
    }

    @Override
    public List<QuestionnaireItem> instrumentItems(UUID tenantId, InstrumentVersionChoice version) {
        return call(() -> instruments.getInstrumentVersion(tenantId, version.instrumentId(), version.versionId())
                .getItems().stream()
                // An outcome item (alignment, for the key drivers) measures no warning sign.
                .map(i -> new QuestionnaireItem(i.getCode(), i.getSign() == null ? QuestionnaireItem.OUTCOME : i.getSign().getValue(),
                        i.getAudience().getValue(),
                        Boolean.TRUE.equals(i.getReverseKeyed()), i.getTextHqEn(), i.getTextHqJa(), i.getTextJapanEn(),
                        i.getTextJapanJa()))
                .toList());
    }

    @Override
    public Wave launchWave(UUID tenantId, UUID scheduleId) {
        return launchWave(tenantId, scheduleId, null);
    }

    @Override
    public LaunchPreview launchPreview(UUID tenantId, UUID scheduleId) {
        return call(() -> ModelMapper.launchPreview(waves.previewLaunch(tenantId, scheduleId)));
    }

    @Override
    public Wave launchWave(UUID tenantId, UUID scheduleId, String reason) {
        return call(() -> ModelMapper.wave(waves.launchWave(tenantId, scheduleId,
                new com.kakehashi.console.client.model.LaunchRequest().reason(reason))));
    }

    @Override
    public List<Wave> waves(UUID tenantId) {
        return call(() -> waves.listWaves(tenantId).stream().map(ModelMapper::wave).toList());
    }

    @Override
    public Wave closeWave(UUID tenantId, UUID waveId) {
        return call(() -> ModelMapper.wave(waves.closeWave(tenantId, waveId)));
    }

    @Override
    public List<OutboxEntry> outbox(UUID tenantId, String status) {
        return call(() -> outbox.listOutbox(tenantId, OUTBOX_LIMIT, status).stream()
                .map(ModelMapper::outboxEntry).toList());
    }

    private static final int OUTBOX_LIMIT = 500;

    private static ScheduleDetails details(ScheduleDraft d) {
        return new ScheduleDetails().name(d.name()).surveyTitleEn(d.surveyTitleEn()).surveyTitleJa(d.surveyTitleJa())
                .engagementId(d.engagementId())
                .instrumentVersionId(d.instrumentVersionId())
                .audienceSides(d.audienceSides().stream().map(ModelMapper::side).toList())
                .audienceLevels(d.audienceLevels().stream().map(ModelMapper::level).toList())
                .cadence(d.cadence() == null ? null
                        : com.kakehashi.console.client.model.Cadence.fromValue(d.cadence().name()))
                .japanSendTime(ModelMapper.time(d.japanSendTime())).hqSendTime(ModelMapper.time(d.hqSendTime()))
                .daysOpen(d.daysOpen()).reminderOffsetDays(d.reminderOffsetDays())
                .startDate(d.startDate()).endDate(d.endDate());
    }

    private static ParticipantDetails details(ParticipantDraft draft) {
        return new ParticipantDetails().email(draft.email()).displayName(draft.displayName())
                .side(ModelMapper.side(draft.side())).level(ModelMapper.level(draft.level()))
                .language(draft.language()).timeZone(draft.timeZone()).department(draft.department());
    }

    @Override
    public List<TimelineRecords.Event> events(UUID tenantId, UUID engagementId) {
        return call(() -> timeline.listTimelineEvents(tenantId, engagementId).stream().map(ModelMapper::timelineEvent).toList());
    }

    @Override
    public TimelineRecords.Event createEvent(UUID tenantId, UUID engagementId, TimelineRecords.Draft draft) {
        var body = new com.kakehashi.console.client.model.NewTimelineEvent().occurredOn(draft.occurredOn())
                .kind(draft.kind() == null ? null : com.kakehashi.console.client.model.EventKind.fromValue(draft.kind().name()))
                .labelEn(draft.labelEn()).labelJa(draft.labelJa());
        return call(() -> ModelMapper.timelineEvent(timeline.createTimelineEvent(tenantId, engagementId, body)));
    }

    @Override
    public void deleteEvent(UUID tenantId, UUID engagementId, UUID eventId) {
        run(() -> timeline.deleteTimelineEvent(tenantId, engagementId, eventId));
    }

    private static EngagementDetails details(EngagementDraft draft) {
        return new EngagementDetails().name(draft.name()).goals(draft.goals()).startDate(draft.startDate())
                .endDate(draft.endDate()).status(ModelMapper.status(draft.status()))
                .consultantIds(draft.consultantIds());
    }

    @Override
    public List<ObjectiveRecords.InitiativeRow> initiatives(UUID tenantId) {
        return call(() -> objective.listInitiatives(tenantId, null).stream().map(RestKakehashiApi::initiativeRow).toList());
    }

    @Override
    public ObjectiveRecords.InitiativeRow createInitiative(UUID tenantId, ObjectiveRecords.InitiativeDraft draft) {
        var body = new com.kakehashi.console.client.model.InitiativeDetails()
                .engagementId(draft.engagementId()).title(draft.title()).announcedOn(draft.announcedOn())
                .milestones(draft.milestones().stream().map(m -> new com.kakehashi.console.client.model.MilestoneDetails()
                        .name(m.name()).plannedOn(m.plannedOn()).actualOn(m.actualOn())).toList());
        return call(() -> initiativeRow(objective.createInitiative(tenantId, body)));
    }

    @Override
    public void deleteInitiative(UUID tenantId, UUID initiativeId) {
        run(() -> objective.deleteInitiative(tenantId, initiativeId));
    }

    @Override
    public List<ObjectiveRecords.DecisionRow> decisions(UUID tenantId) {
        return call(() -> objective.listDecisions(tenantId, null).stream().map(RestKakehashiApi::decisionRow).toList());
    }

    @Override
    public ObjectiveRecords.DecisionRow createDecision(UUID tenantId, ObjectiveRecords.DecisionDraft draft) {
        var body = new com.kakehashi.console.client.model.DecisionDetails()
                .engagementId(draft.engagementId()).title(draft.title()).proposedOn(draft.proposedOn())
                .approvedOn(draft.approvedOn()).japanConsulted(draft.japanConsulted())
                .consultedOn(draft.consultedOn()).executionStartedOn(draft.executionStartedOn());
        return call(() -> decisionRow(objective.createDecision(tenantId, body)));
    }

    @Override
    public ObjectiveRecords.CycleTimes decisionCycleTimes(UUID tenantId, UUID engagementId) {
        return call(() -> {
            var c = objective.decisionCycleTimes(tenantId, engagementId);
            return new ObjectiveRecords.CycleTimes(c.getMinimumDecisions(), cycleGroup(c.getConsultedBeforeProposal()),
                    cycleGroup(c.getNotConsultedBeforeProposal()));
        });
    }

    private static ObjectiveRecords.CycleGroup cycleGroup(com.kakehashi.console.client.model.DecisionCycleTimesGroup g) {
        return new ObjectiveRecords.CycleGroup(g.getDecisions(), cycleInterval(g.getProposalToApproval()),
                cycleInterval(g.getApprovalToExecutionStart()), cycleInterval(g.getProposalToExecutionStart()));
    }

    private static ObjectiveRecords.CycleInterval cycleInterval(com.kakehashi.console.client.model.DecisionCycleTimesInterval i) {
        return new ObjectiveRecords.CycleInterval(i.getN(), Boolean.TRUE.equals(i.getEnough()), i.getMedianDays(),
                i.getP25Days(), i.getP75Days());
    }

    @Override
    public void deleteDecision(UUID tenantId, UUID decisionId) {
        run(() -> objective.deleteDecision(tenantId, decisionId));
    }

    @Override
    public ObjectiveRecords.Summary objectiveSignals(UUID tenantId) {
        return call(() -> {
            var s = objective.objectiveSignals(tenantId, null);
            return new ObjectiveRecords.Summary(s.getLateMilestones(), s.getMeanSlippageDays(), s.getMaxSlippageDays(),
                    s.getApprovedDecisions(), s.getConsultedBeforeApproval(), s.getEarlyConsultationRate());
        });
    }

    private static ObjectiveRecords.InitiativeRow initiativeRow(com.kakehashi.console.client.model.InitiativeView i) {
        return new ObjectiveRecords.InitiativeRow(i.getId(), i.getEngagementId(), i.getTitle(), i.getAnnouncedOn(),
                i.getMilestones() == null ? 0 : i.getMilestones().size(), i.getSlippageDays());
    }

    private static ObjectiveRecords.DecisionRow decisionRow(com.kakehashi.console.client.model.DecisionView d) {
        return new ObjectiveRecords.DecisionRow(d.getId(), d.getEngagementId(), d.getTitle(), d.getProposedOn(),
                d.getApprovedOn(), Boolean.TRUE.equals(d.getJapanConsulted()), d.getConsultedOn(), d.getExecutionStartedOn());
    }

    @Override
    public InsightRecords.Trends insightTrends(UUID tenantId, InsightRecords.TrendFilter filter) {
        return call(() -> insights.trends(tenantId, filter));
    }

    @Override
    public InsightRecords.Drivers insightDrivers(UUID tenantId, UUID engagementId, java.time.LocalDate from,
                                                 java.time.LocalDate to) {
        return call(() -> insights.drivers(tenantId, engagementId, from, to));
    }

    @Override
    public InsightRecords.WaveThemes waveThemes(UUID tenantId, UUID waveId) {
        return call(() -> insights.themes(tenantId, waveId));
    }

    @Override
    public InsightRecords.WaveInsight waveInsight(UUID tenantId, UUID waveId) {
        return call(() -> insights.wave(tenantId, waveId));
    }

    @Override
    public List<AlertRecords.Alert> alerts(UUID tenantId) {
        return call(() -> insights.alerts(tenantId));
    }

    @Override
    public AlertRecords.Alert acknowledgeAlert(UUID tenantId, UUID alertId) {
        return call(() -> insights.acknowledge(tenantId, alertId));
    }

    @Override
    public AlertRecords.Alert resolveAlert(UUID tenantId, UUID alertId) {
        return call(() -> insights.resolve(tenantId, alertId));
    }

    @Override
    public AlertRecords.Alert annotateAlert(UUID tenantId, UUID alertId, String text) {
        return call(() -> insights.annotate(tenantId, alertId, text));
    }

    @Override
    public AlertRecords.Settings alertSettings(UUID tenantId) {
        return call(() -> insights.settings(tenantId));
    }

    @Override
    public AlertRecords.Settings updateAlertSettings(UUID tenantId, AlertRecords.Settings settings) {
        return call(() -> insights.updateSettings(tenantId, settings));
    }

    @Override
    public List<ActionRecords.Action> actions(UUID tenantId) {
        return call(() -> actions.listActions(tenantId, null, null).stream().map(ActionMapper::action).toList());
    }

    @Override
    public ActionRecords.Action createAction(UUID tenantId, ActionRecords.Draft draft) {
        return call(() -> ActionMapper.action(actions.createAction(tenantId, ActionMapper.details(draft))));
    }

    @Override
    public ActionRecords.Update updateAction(UUID tenantId, UUID actionId, ActionRecords.Draft draft) {
        return call(() -> {
            var u = actions.updateAction(tenantId, actionId, ActionMapper.changes(draft));
            return new ActionRecords.Update(ActionMapper.action(u.getAction()), Boolean.TRUE.equals(u.getAgreementsReset()),
                    u.getMessage());
        });
    }

    @Override
    public ActionRecords.Action agreeToAction(UUID tenantId, UUID actionId, Side side) {
        return call(() -> ActionMapper.action(actions.agreeToAction(tenantId, actionId,
                new com.kakehashi.console.client.model.Agreement().side(ModelMapper.side(side)))));
    }

    @Override
    public ActionRecords.Action startAction(UUID tenantId, UUID actionId) {
        return call(() -> ActionMapper.action(actions.startAction(tenantId, actionId)));
    }

    @Override
    public ActionRecords.Action completeAction(UUID tenantId, UUID actionId) {
        return call(() -> ActionMapper.action(actions.completeAction(tenantId, actionId)));
    }

    @Override
    public ActionRecords.Action dropAction(UUID tenantId, UUID actionId, String reason) {
        return call(() -> ActionMapper.action(actions.dropAction(tenantId, actionId,
                new com.kakehashi.console.client.model.DropRequest().reason(reason))));
    }

    @Override
    public List<ActionRecords.Comment> actionComments(UUID tenantId, UUID actionId) {
        return call(() -> actions.listActionComments(tenantId, actionId).stream().map(ActionMapper::comment).toList());
    }

    @Override
    public ActionRecords.Comment commentOnAction(UUID tenantId, UUID actionId, String text, String language) {
        return call(() -> ActionMapper.comment(actions.commentOnAction(tenantId, actionId,
                new com.kakehashi.console.client.model.NewComment().text(text).language(language))));
    }

    @Override
    public ActionRecords.Effect actionEffect(UUID tenantId, UUID actionId) {
        return call(() -> ActionMapper.effect(actions.getActionEffect(tenantId, actionId, null)));
    }

    @Override
    public List<PortfolioRecords.TenantSummary> portfolio() {
        return call(() -> portfolio.portfolio().stream().map(PortfolioMapper::summary).toList());
    }

    @Override
    public List<RegisterRecords.Item> registerItems(UUID tenantId) {
        return call(() -> register.listRegisterItems(tenantId, null, null, null).stream().map(RegisterMapper::item).toList());
    }

    @Override
    public RegisterRecords.Health registerHealth(UUID tenantId) {
        return call(() -> RegisterMapper.health(register.registerHealth(tenantId)));
    }

    @Override
    public RegisterRecords.Item createRegisterItem(UUID tenantId, RegisterRecords.ItemDraft draft) {
        return call(() -> RegisterMapper.item(register.createRegisterItem(tenantId, RegisterMapper.newItem(draft))));
    }

    @Override
    public RegisterRecords.Item proposeRegisterVersion(UUID tenantId, UUID itemId, RegisterRecords.VersionDraft draft) {
        return call(() -> RegisterMapper.item(register.proposeRegisterVersion(tenantId, itemId, RegisterMapper.newVersion(draft))));
    }

    @Override
    public RegisterRecords.Item recordRegisterWord(UUID tenantId, UUID itemId, RegisterRecords.WordDraft draft) {
        return call(() -> RegisterMapper.item(register.recordRegisterApproval(tenantId, itemId, RegisterMapper.newWord(draft))));
    }

    @Override
    public void deleteRegisterItem(UUID tenantId, UUID itemId) {
        run(() -> register.deleteRegisterItem(tenantId, itemId));
    }

    @Override
    public java.nio.file.Path exportTenant(UUID tenantId) {
        return call(() -> tenants.exportTenant(tenantId).toPath());
    }

    @Override
    public void offboardTenant(UUID tenantId, String confirmName) {
        run(() -> tenants.offboardTenant(tenantId, confirmName));
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
