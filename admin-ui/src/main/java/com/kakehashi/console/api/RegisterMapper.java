package com.kakehashi.console.api;

import com.kakehashi.console.client.model.RegisterViewsApprovalView;
import com.kakehashi.console.client.model.RegisterViewsRegisterHealth;
import com.kakehashi.console.client.model.RegisterViewsRegisterItemView;
import com.kakehashi.console.client.model.RegisterViewsVersionView;

import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;

/** Generated register models to the console's {@link RegisterRecords} and back. */
final class RegisterMapper {

    private RegisterMapper() {
    }

    static RegisterRecords.Item item(RegisterViewsRegisterItemView i) {
        return new RegisterRecords.Item(i.getId(), i.getTitle(), RegisterRecords.Area.valueOf(i.getArea().getValue()),
                i.getSigns() == null ? List.of() : i.getSigns().stream().map(s -> s.getValue()).toList(),
                RegisterRecords.State.valueOf(i.getState().getValue()), version(i.getCurrent()), version(i.getInEffect()),
                instant(i.getDisagreedSince()), i.getDisagreementDays(),
                i.getVersions() == null ? List.of() : i.getVersions().stream().map(RegisterMapper::version).toList());
    }

    static RegisterRecords.Health health(RegisterViewsRegisterHealth h) {
        return new RegisterRecords.Health(h.getItems(), h.getAgreed(), h.getPending(), h.getDisagreed(), h.getAgreedShare(),
                h.getOpenDisagreements(), h.getOldestDisagreementDays(), h.getMedianDisagreementDays());
    }

    static com.kakehashi.console.client.model.NewRegisterItem newItem(RegisterRecords.ItemDraft draft) {
        return new com.kakehashi.console.client.model.NewRegisterItem().title(draft.title())
                .area(draft.area() == null ? null : com.kakehashi.console.client.model.RegisterArea.fromValue(draft.area().name()))
                .signs(draft.signs() == null ? null : draft.signs().stream()
                        .map(com.kakehashi.console.client.model.WarningSign::fromValue).toList())
                .classification(classification(draft.classification()))
                .rationale(draft.rationale());
    }

    static com.kakehashi.console.client.model.NewRegisterVersion newVersion(RegisterRecords.VersionDraft draft) {
        return new com.kakehashi.console.client.model.NewRegisterVersion().classification(classification(draft.classification()))
                .rationale(draft.rationale()).basedOn(draft.basedOn());
    }

    static com.kakehashi.console.client.model.NewApproval newWord(RegisterRecords.WordDraft draft) {
        return new com.kakehashi.console.client.model.NewApproval()
                .side(draft.side() == null ? null : com.kakehashi.console.client.model.Side.fromValue(draft.side().name()))
                .decision(draft.decision() == null ? null
                        : com.kakehashi.console.client.model.ApprovalDecision.fromValue(draft.decision().name()))
                .version(draft.version()).comment(draft.comment()).approverName(draft.approverName());
    }

    private static com.kakehashi.console.client.model.Classification classification(RegisterRecords.Classification c) {
        return c == null ? null : com.kakehashi.console.client.model.Classification.fromValue(c.name());
    }

    private static RegisterRecords.Version version(RegisterViewsVersionView v) {
        if (v == null) {
            return null;
        }
        return new RegisterRecords.Version(v.getVersion(), RegisterRecords.Classification.valueOf(v.getClassification().getValue()),
                v.getRationale(), v.getAuthoredByName(), instant(v.getAuthoredAt()), word(v.getHq()), word(v.getJapan()),
                Boolean.TRUE.equals(v.getAgreed()),
                v.getApprovals() == null ? List.of() : v.getApprovals().stream().map(RegisterMapper::word).toList());
    }

    private static RegisterRecords.Word word(RegisterViewsApprovalView a) {
        if (a == null) {
            return null;
        }
        return new RegisterRecords.Word(a.getId(), a.getVersion(), Side.valueOf(a.getSide().getValue()),
                RegisterRecords.Decision.valueOf(a.getDecision().getValue()), a.getComment(), a.getApprover(),
                a.getRecordedByName(), instant(a.getRecordedAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
