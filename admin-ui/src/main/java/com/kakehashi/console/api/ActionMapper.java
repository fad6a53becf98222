package com.kakehashi.console.api;

import com.kakehashi.console.client.model.ActionChanges;
import com.kakehashi.console.client.model.ActionCommentView;
import com.kakehashi.console.client.model.ActionDetails;
import com.kakehashi.console.client.model.ActionEffect;
import com.kakehashi.console.client.model.ActionEffectEstimate;
import com.kakehashi.console.client.model.ActionView;
import com.kakehashi.console.client.model.OwnerDetails;
import com.kakehashi.console.client.model.OwnerView;
import com.kakehashi.console.client.model.WarningSign;

import java.util.List;

/** Between the generated client's action models and the console's {@link ActionRecords}. */
final class ActionMapper {

    private ActionMapper() {
    }

    static ActionRecords.Action action(ActionView a) {
        return new ActionRecords.Action(a.getId(), a.getEngagementId(), a.getAlertId(), a.getTitle(), a.getDescription(),
                a.getLanguage(), a.getSigns() == null ? List.of() : a.getSigns().stream().map(WarningSign::getValue).toList(),
                a.getStartOn(), a.getDueOn(), ActionRecords.Status.valueOf(a.getStatus().getValue()),
                Boolean.TRUE.equals(a.getOverdue()), a.getDropReason(), a.getStartedOn(), a.getDoneOn(), a.getDroppedOn(),
                owner(a.getHqOwner()), owner(a.getJapanOwner()), a.getCreatedBy(), a.getCreatedAt(), a.getUpdatedAt());
    }

    private static ActionRecords.Owner owner(OwnerView o) {
        if (o == null) {
            return null;
        }
        return new ActionRecords.Owner(o.getSide() == null ? null : Side.valueOf(o.getSide().getValue()), o.getUserId(),
                o.getName(), o.getEmail(), o.getLanguage(), o.getAgreedAt(), o.getAgreedBy(),
                Boolean.TRUE.equals(o.getRecordedOnBehalf()));
    }

    static ActionDetails details(ActionRecords.Draft d) {
        return new ActionDetails().engagementId(d.engagementId()).alertId(d.alertId()).title(d.title())
                .description(d.description()).language(d.language()).signs(signs(d.signs())).startOn(d.startOn())
                .dueOn(d.dueOn()).hqOwner(owner(d.hqOwner())).japanOwner(owner(d.japanOwner()));
    }

    static ActionChanges changes(ActionRecords.Draft d) {
        return new ActionChanges().title(d.title()).description(d.description()).language(d.language())
                .signs(signs(d.signs())).startOn(d.startOn()).dueOn(d.dueOn()).hqOwner(owner(d.hqOwner()))
                .japanOwner(owner(d.japanOwner()));
    }

    private static List<WarningSign> signs(List<String> signs) {
        return signs.stream().map(WarningSign::fromValue).toList();
    }

    private static OwnerDetails owner(ActionRecords.OwnerDraft o) {
        return o == null ? null : new OwnerDetails().userId(o.userId()).name(o.name()).email(o.email()).language(o.language());
    }

    static ActionRecords.Comment comment(ActionCommentView c) {
        return new ActionRecords.Comment(c.getId(), c.getAuthorId(), c.getAuthorEmail(), c.getText(), c.getLanguage(),
                c.getCreatedAt());
    }

    static ActionRecords.Effect effect(ActionEffect e) {
        return new ActionRecords.Effect(e.getStartedOn(), e.getEndedOn(),
                e.getEffects() == null ? List.of() : e.getEffects().stream().map(ActionMapper::estimate).toList());
    }

    private static ActionRecords.Estimate estimate(ActionEffectEstimate e) {
        var deciding = e.getDifferenceInDifferences() != null ? e.getDifferenceInDifferences() : e.getChange();
        return new ActionRecords.Estimate(e.getSign().getValue(), Side.valueOf(e.getSide().getValue()),
                e.getVerdict().getValue(), e.getReason() == null ? null : e.getReason().getValue(),
                e.getWavesBefore() == null ? 0 : e.getWavesBefore(), e.getWavesAfter() == null ? 0 : e.getWavesAfter(),
                e.getBefore(), e.getAfter(), deciding == null ? null : deciding.getEstimate(),
                deciding == null ? null : deciding.getLow(), deciding == null ? null : deciding.getHigh(),
                e.getSummaryEn(), e.getSummaryJa());
    }
}
