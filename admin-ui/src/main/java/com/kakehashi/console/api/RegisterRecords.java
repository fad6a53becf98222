package com.kakehashi.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Namespace for the console's view of the global–local register (backend docs/register.md). */
public final class RegisterRecords {

    private RegisterRecords() {
    }

    public enum Classification { NON_NEGOTIABLE, ADAPTABLE, LOCAL }

    public enum Area { PRICING, BRAND, APPROVAL_LIMITS, SALES_TARGETS, PRODUCT, REPORTING, PEOPLE, OTHER }

    /** Open disagreements sort first, agreed items last. */
    public enum State { DISAGREED, PENDING, AGREED }

    public enum Decision { AGREE, DISAGREE }

    /** One side's recorded word on one version: who agreed or disagreed, who entered it, when. */
    public record Word(UUID id, int version, Side side, Decision decision, String comment, String approver,
                       String recordedByName, Instant recordedAt) {
    }

    /** A version with each side's latest word ({@code hq}, {@code japan}: null when none yet) and every word. */
    public record Version(int version, Classification classification, String rationale, String authoredByName,
                          Instant authoredAt, Word hq, Word japan, boolean agreed, List<Word> words) {
        public Version {
            words = List.copyOf(words);
        }
    }

    /** {@code inEffect}: the last version both sides agreed to, still in force while a change is open. */
    public record Item(UUID id, String title, Area area, List<String> signs, State state, Version current,
                       Version inEffect, Instant disagreedSince, Integer disagreementDays, List<Version> versions) {
        public Item {
            signs = List.copyOf(signs);
            versions = List.copyOf(versions);
        }
    }

    public record Health(int items, int agreed, int pending, int disagreed, Double agreedShare, int openDisagreements,
                         Integer oldestDisagreementDays, Double medianDisagreementDays) {
    }

    public record ItemDraft(String title, Area area, List<String> signs, Classification classification, String rationale) {
    }

    /** A change based on the version the author saw. */
    public record VersionDraft(Classification classification, String rationale, int basedOn) {
    }

    /** {@code approverName}: the person of that side, when not the user entering it (null: the user). */
    public record WordDraft(Side side, Decision decision, int version, String comment, String approverName) {
    }
}
