package com.kakehashi.console.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The console's view of action plans ({@code …/actions}): an action answers warning signs (and maybe an alert),
 * has an owner on the HQ side and one on the Japan side, each of whom agrees separately, and moves
 * PROPOSED → AGREED → IN_PROGRESS → DONE, or DROPPED with a reason.
 */
public final class ActionRecords {

    private ActionRecords() {
    }

    /** The nine warning signs an action may target, in the instrument's order. */
    public static final List<String> SIGNS = List.of("EXECUTION_DELAY", "MOMENTUM", "DIFFICULT_LABEL", "EXCLUSION",
            "SILENT_DISSENT", "AUTHORITY_GAP", "RISK_LENS", "CONSENSUS_PACE", "TRUST_EROSION");

    /** In the order the list shows them. */
    public enum Status {
        PROPOSED, AGREED, IN_PROGRESS, DONE, DROPPED;

        /** Not finished one way or the other. */
        public boolean open() {
            return this != DONE && this != DROPPED;
        }
    }

    /**
     * The owner of one side: a console user ({@code userId}) or a named person; {@code agreedAt} null while they
     * have not agreed; {@code recordedOnBehalf}: someone else (a consultant) recorded the agreement.
     */
    public record Owner(Side side, UUID userId, String name, String email, String language, OffsetDateTime agreedAt,
                        UUID agreedBy, boolean recordedOnBehalf) {
        public boolean agreed() {
            return agreedAt != null;
        }
    }

    /**
     * {@code signs}: warning sign codes (EXCLUSION, …). {@code startedOn}/{@code doneOn}/{@code droppedOn}: what
     * happened; {@code overdue}: the backend's judgement (open and due before today).
     */
    public record Action(UUID id, UUID engagementId, UUID alertId, String title, String description, String language,
                         List<String> signs, LocalDate startOn, LocalDate dueOn, Status status, boolean overdue,
                         String dropReason, LocalDate startedOn, LocalDate doneOn, LocalDate droppedOn, Owner hqOwner,
                         Owner japanOwner, UUID createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public Action {
            signs = signs == null ? List.of() : List.copyOf(signs);
        }

        /** When it began to act: its recorded start, else its planned start. */
        public LocalDate effectiveStart() {
            return startedOn != null ? startedOn : startOn;
        }

        /** When it stopped: done or dropped, else null. */
        public LocalDate endedOn() {
            return doneOn != null ? doneOn : droppedOn;
        }

        public Owner owner(Side side) {
            return side == Side.HQ ? hqOwner : japanOwner;
        }
    }

    /** A console user ({@code userId} alone) or a named person (name, email, language "ja"/"en"). */
    public record OwnerDraft(UUID userId, String name, String email, String language) {
        public static OwnerDraft user(UUID userId) {
            return new OwnerDraft(userId, null, null, null);
        }
    }

    /** A new action, or the new content of one ({@code engagementId} and {@code alertId} only count on creation). */
    public record Draft(UUID engagementId, UUID alertId, String title, String description, String language,
                        List<String> signs, LocalDate startOn, LocalDate dueOn, OwnerDraft hqOwner, OwnerDraft japanOwner) {
        public Draft {
            signs = signs == null ? List.of() : List.copyOf(signs);
        }
    }

    /** The action after an edit; {@code agreementsReset}: new owners or signs withdrew the agreements. */
    public record Update(Action action, boolean agreementsReset, String message) {
    }

    public record Comment(UUID id, UUID authorId, String authorEmail, String text, String language,
                          OffsetDateTime createdAt) {
    }

    /**
     * The effect on one targeted sign on one side. {@code verdict}: TOO_EARLY, NO_CHANGE, IMPROVED or WORSENED;
     * the summaries say in words what the numbers allow.
     */
    public record Estimate(String sign, Side side, String verdict, String reason, int wavesBefore, int wavesAfter,
                           Double before, Double after, Double change, Double low, Double high, String summaryEn,
                           String summaryJa) {
        public String summary(boolean japanese) {
            String preferred = japanese ? summaryJa : summaryEn;
            return preferred != null && !preferred.isBlank() ? preferred : japanese ? summaryEn : summaryJa;
        }
    }

    /** The estimates of an action, per targeted sign and side. */
    public record Effect(LocalDate startedOn, LocalDate endedOn, List<Estimate> estimates) {
        public Effect {
            estimates = estimates == null ? List.of() : List.copyOf(estimates);
        }
    }

    /** Someone the form offers as an owner: a console user of the tenant. */
    public record OwnerChoice(UUID userId, String name, String email) {
    }

    /**
     * What an action form holds, as typed: per side either a chosen user ({@code hqUser}) or a named person
     * (name, email, language). {@code actionId} null: a new action.
     */
    public record FormInput(UUID actionId, UUID engagementId, UUID alertId, String title, String description,
                            String language, java.util.Set<String> signs, LocalDate startOn, LocalDate dueOn,
                            UUID hqUser, String hqName, String hqEmail, String hqLanguage,
                            UUID japanUser, String japanName, String japanEmail, String japanLanguage) {
        public FormInput {
            signs = signs == null ? java.util.Set.of() : java.util.Set.copyOf(signs);
        }
    }

    /**
     * A refusal about the owners names nested fields ({@code hqOwner.email}, {@code create.body.japanOwner.name});
     * a form knows its fields by one flat name each ({@code hqOwnerEmail}, {@code japanOwner} for the user choice),
     * so the names are rewritten before the form marks them.
     */
    public static ApiProblem flattenOwnerFields(ApiProblem problem) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ApiProblem.FieldError e : problem.errors()) {
            errors.add(new ApiProblem.FieldError(flatField(e.field()), e.message()));
        }
        return new ApiProblem(problem.type(), problem.title(), problem.status(), problem.detail(), errors);
    }

    static String flatField(String field) {
        if (field == null) {
            return null;
        }
        for (String owner : List.of("hqOwner", "japanOwner")) {
            int at = field.indexOf(owner);
            if (at >= 0 && (at == 0 || field.charAt(at - 1) == '.')) {
                String rest = field.substring(at + owner.length());
                if (rest.isEmpty() || rest.equals(".userId")) {
                    return owner;
                }
                if (rest.startsWith(".")) {
                    String name = rest.substring(1);
                    return owner + Character.toUpperCase(name.charAt(0)) + name.substring(1);
                }
            }
        }
        return field;
    }
}
