package com.kakehashi.console.api;

import java.util.List;
import java.util.UUID;

/**
 * Everything the console asks the backend, on behalf of one logged-in user. Presenters receive it through their
 * constructor, so they can be tested with an in-memory fake. Every method throws {@link ProblemException}.
 */
public interface KakehashiApi {

    CurrentUser me();

    List<Tenant> tenants();

    Tenant tenant(UUID tenantId);

    Tenant createTenant(TenantDraft draft);

    RetentionSettings retention(UUID tenantId);

    /** Consultants and operators; a value out of range is a problem naming its field. */
    RetentionSettings updateRetention(UUID tenantId, RetentionSettings settings);

    /**
     * Everything of one client as the backend's export zip (CSV per table, JSON, manifest), in a
     * temporary file the caller deletes once it has passed it on.
     */
    java.nio.file.Path exportTenant(UUID tenantId);

    /**
     * Deletes every row of the client in one transaction (operators only); {@code confirmName} must be
     * the client's name exactly, or the backend refuses.
     */
    void offboardTenant(UUID tenantId, String confirmName);

    List<User> users();

    User createUser(UserDraft draft);

    List<Member> members(UUID tenantId);

    void assignMember(UUID tenantId, UUID userId);

    void unassignMember(UUID tenantId, UUID userId);

    /** Grants or revokes an executive's permission to maintain the participant list. */
    Member setParticipantAdmin(UUID tenantId, UUID userId, boolean granted);

    PageResult<Participant> participants(UUID tenantId, ParticipantFilter filter, int page, int size);

    Participant createParticipant(UUID tenantId, ParticipantDraft draft);

    Participant updateParticipant(UUID tenantId, UUID participantId, ParticipantDraft draft);

    void deactivateParticipant(UUID tenantId, UUID participantId);

    void eraseParticipant(UUID tenantId, UUID participantId);

    ImportReport importParticipants(UUID tenantId, byte[] csv);

    List<Engagement> engagements(UUID tenantId);

    Engagement createEngagement(UUID tenantId, EngagementDraft draft);

    Engagement updateEngagement(UUID tenantId, UUID engagementId, EngagementDraft draft);

    void deleteEngagement(UUID tenantId, UUID engagementId);

    /** The engagement's recorded events and its derived start, oldest first. */
    List<TimelineRecords.Event> events(UUID tenantId, UUID engagementId);

    TimelineRecords.Event createEvent(UUID tenantId, UUID engagementId, TimelineRecords.Draft draft);

    void deleteEvent(UUID tenantId, UUID engagementId, UUID eventId);

    PageResult<AuditEntry> audit(UUID tenantId, int page, int size);

    List<Schedule> schedules(UUID tenantId);

    Schedule createSchedule(UUID tenantId, ScheduleDraft draft);

    Schedule updateSchedule(UUID tenantId, UUID scheduleId, ScheduleDraft draft);

    void deleteSchedule(UUID tenantId, UUID scheduleId);

    Schedule pauseSchedule(UUID tenantId, UUID scheduleId);

    Schedule resumeSchedule(UUID tenantId, UUID scheduleId);

    /** The published versions of the tenant's instruments, the only ones a schedule may send. */
    List<InstrumentVersionChoice> publishedInstrumentVersions(UUID tenantId);

    /** The items of a version, every wording in both languages. */
    List<QuestionnaireItem> instrumentItems(UUID tenantId, InstrumentVersionChoice version);

    Wave launchWave(UUID tenantId, UUID scheduleId);

    /** How many people a wave launched now would invite, and the schedule's wave still open. */
    LaunchPreview launchPreview(UUID tenantId, UUID scheduleId);

    /** @param reason why a second wave opens beside an open one (required then, else may be null) */
    Wave launchWave(UUID tenantId, UUID scheduleId, String reason);

    List<Wave> waves(UUID tenantId);

    Wave closeWave(UUID tenantId, UUID waveId);

    /** @param status PENDING, SENT, FAILED, CANCELLED or null for all */
    List<OutboxEntry> outbox(UUID tenantId, String status);

    List<ObjectiveRecords.InitiativeRow> initiatives(UUID tenantId);

    ObjectiveRecords.InitiativeRow createInitiative(UUID tenantId, ObjectiveRecords.InitiativeDraft draft);

    void deleteInitiative(UUID tenantId, UUID initiativeId);

    List<ObjectiveRecords.DecisionRow> decisions(UUID tenantId);

    ObjectiveRecords.DecisionRow createDecision(UUID tenantId, ObjectiveRecords.DecisionDraft draft);

    void deleteDecision(UUID tenantId, UUID decisionId);

    /** @param engagementId null: every decision of the tenant */
    ObjectiveRecords.CycleTimes decisionCycleTimes(UUID tenantId, UUID engagementId);

    ObjectiveRecords.Summary objectiveSignals(UUID tenantId);

    /** Per warning sign, the series of every segment the filter keeps over its waves, and the HQ–Japan gap series. */
    InsightRecords.Trends insightTrends(UUID tenantId, InsightRecords.TrendFilter filter);

    /** Per side, how much of alignment's variance each warning sign explains (closed waves of the filter). */
    InsightRecords.Drivers insightDrivers(UUID tenantId, UUID engagementId, java.time.LocalDate from, java.time.LocalDate to);

    /** The top content terms of one wave's comments per side (withheld below the comment threshold). */
    InsightRecords.WaveThemes waveThemes(UUID tenantId, UUID waveId);

    /** One wave's silence signals per side and its comments per side (withheld below k). */
    InsightRecords.WaveInsight waveInsight(UUID tenantId, UUID waveId);

    /** Every alert of the tenant, newest first as the backend lists them. */
    List<AlertRecords.Alert> alerts(UUID tenantId);

    AlertRecords.Alert acknowledgeAlert(UUID tenantId, UUID alertId);

    AlertRecords.Alert resolveAlert(UUID tenantId, UUID alertId);

    AlertRecords.Alert annotateAlert(UUID tenantId, UUID alertId, String text);

    AlertRecords.Settings alertSettings(UUID tenantId);

    AlertRecords.Settings updateAlertSettings(UUID tenantId, AlertRecords.Settings settings);

    /** Every action of the tenant, by status then due date (the backend's order). */
    List<ActionRecords.Action> actions(UUID tenantId);

    /** Proposes an action; with an alertId it answers that alert, and the backend acknowledges the alert. */
    ActionRecords.Action createAction(UUID tenantId, ActionRecords.Draft draft);

    ActionRecords.Update updateAction(UUID tenantId, UUID actionId, ActionRecords.Draft draft);

    /** The owner of {@code side} agrees (a consultant may record it for them). */
    ActionRecords.Action agreeToAction(UUID tenantId, UUID actionId, Side side);

    ActionRecords.Action startAction(UUID tenantId, UUID actionId);

    ActionRecords.Action completeAction(UUID tenantId, UUID actionId);

    ActionRecords.Action dropAction(UUID tenantId, UUID actionId, String reason);

    /** Oldest first. */
    List<ActionRecords.Comment> actionComments(UUID tenantId, UUID actionId);

    ActionRecords.Comment commentOnAction(UUID tenantId, UUID actionId, String text, String language);

    ActionRecords.Effect actionEffect(UUID tenantId, UUID actionId);

    /** Every tenant the user may see, most in need of attention first (the backend sorts and scopes). */
    List<PortfolioRecords.TenantSummary> portfolio();

    /** The register, open disagreements first, then pending, then agreed (the backend sorts). */
    List<RegisterRecords.Item> registerItems(UUID tenantId);

    RegisterRecords.Health registerHealth(UUID tenantId);

    RegisterRecords.Item createRegisterItem(UUID tenantId, RegisterRecords.ItemDraft draft);

    RegisterRecords.Item proposeRegisterVersion(UUID tenantId, UUID itemId, RegisterRecords.VersionDraft draft);

    RegisterRecords.Item recordRegisterWord(UUID tenantId, UUID itemId, RegisterRecords.WordDraft draft);

    void deleteRegisterItem(UUID tenantId, UUID itemId);
}
