package com.kakehashi.register;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the register API answers. */
public final class RegisterViews {

    private RegisterViews() {
    }

    /**
     * One recorded word of a side on a version. {@code approver} is who agreed or disagreed (the named
     * person, else the recording user); {@code recordedBy} who entered it.
     */
    @Serdeable
    public record ApprovalView(UUID id, int version, Side side, ApprovalDecision decision, @Nullable String comment,
                               String approver, @Nullable UUID recordedBy, @Nullable String recordedByName,
                               Instant recordedAt) {
    }

    /**
     * A version with every word recorded on it, oldest first; {@code hq} and {@code japan} are each
     * side's latest word (null: not yet), {@code agreed} whether both latest words are agreement.
     */
    @Serdeable
    public record VersionView(int version, Classification classification, String rationale, @Nullable UUID authoredBy,
                              @Nullable String authoredByName, Instant authoredAt, @Nullable ApprovalView hq,
                              @Nullable ApprovalView japan, boolean agreed, List<ApprovalView> approvals) {
    }

    /**
     * An item: its current version and state; {@code inEffect} is the latest version both sides agreed
     * to (null: none yet), which stays in force while a change is pending or disputed.
     * {@code disagreedSince} is when the open disagreement on the current version was first voiced,
     * {@code versions} the whole history, newest first.
     */
    @Serdeable
    public record RegisterItemView(UUID id, String title, RegisterArea area, List<WarningSign> signs,
                                   RegisterState state, VersionView current, @Nullable VersionView inEffect,
                                   @Nullable Instant disagreedSince, @Nullable Integer disagreementDays,
                                   Instant createdAt, List<VersionView> versions) {
    }

    /**
     * Register health for the dashboard and the portfolio. {@code agreedShare} is the share of items whose
     * current version both sides agreed to (null without items); disagreement ages are whole days since
     * each open disagreement was first voiced (null without open disagreements).
     */
    @Serdeable
    public record RegisterHealth(int items, int agreed, int pending, int disagreed, @Nullable Double agreedShare,
                                 int openDisagreements, @Nullable Integer oldestDisagreementDays,
                                 @Nullable Double medianDisagreementDays) {
    }
}
