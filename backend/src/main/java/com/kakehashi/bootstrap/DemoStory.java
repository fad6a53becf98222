package com.kakehashi.bootstrap;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.timeline.EventKind;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static com.kakehashi.vocabulary.Side.HQ;
import static com.kakehashi.vocabulary.Side.JAPAN;
import static com.kakehashi.vocabulary.WarningSign.AUTHORITY_GAP;
import static com.kakehashi.vocabulary.WarningSign.CONSENSUS_PACE;
import static com.kakehashi.vocabulary.WarningSign.DIFFICULT_LABEL;
import static com.kakehashi.vocabulary.WarningSign.EXCLUSION;
import static com.kakehashi.vocabulary.WarningSign.EXECUTION_DELAY;
import static com.kakehashi.vocabulary.WarningSign.MOMENTUM;
import static com.kakehashi.vocabulary.WarningSign.RISK_LENS;
import static com.kakehashi.vocabulary.WarningSign.SILENT_DISSENT;
import static com.kakehashi.vocabulary.WarningSign.TRUST_EROSION;

/**
 * What each demo tenant's two years of history tell, as data: a calm baseline per side, then
 * shifts that start some weeks before today and build up over a number of waves. {@link DemoHistory}
 * turns the mood of a side at a wave into answers; nothing here knows about waves or tokens.
 *
 * @param seed                the tenant's seeded randomness (same history on every start of the same day)
 * @param staff               how many people each side invites, and how often a respondent writes a comment
 * @param engagementWeeksAgo  when the consulting engagement started
 * @param shifts              changes to the baseline, summed where they overlap
 * @param chapters            which comments people write from when on (latest first wins)
 * @param events              what the consultants record on the engagement's time axis (its start comes
 *                            from the engagement itself)
 * @param decisions           strategic decisions with the stages of their consensus process
 * @param actions             what the consultants and both sides agreed to do about the signs, and how it went
 */
record DemoStory(String name, long seed, Staff staff, int engagementWeeksAgo, List<Shift> shifts, List<Chapter> chapters,
                 List<Event> events, List<Decision> decisions, List<Action> actions) {

    /**
     * What a shift moves: a sign's risk index (points), or a share (0–1) of the side's behaviour.
     * {@code STRAIN}: the share of a side's comments written in the strained tone whatever the chapter.
     */
    enum Measure { RISK, RESPONSE_RATE, NEUTRAL_SHARE, COMMENT_RATE, STRAIN }

    /**
     * People invited per side and the share of respondents who write a comment in a calm wave. A
     * side's careful-wording share is shown only from the comment threshold (10) of comments a wave,
     * so a story that should show it needs enough people who write.
     */
    record Staff(int japan, int hq, double commentRate) {
    }

    /** The tone of what people write in the comment box. */
    enum Tone { CALM, STRAINED, RECOVERING, RISK_DEBATE }

    /** {@code size} added to a side's measure from {@code weeksAgo} on, reached in steps over {@code rampWaves} waves. */
    record Shift(Side side, Measure measure, Set<WarningSign> signs, double size, int weeksAgo, int rampWaves) {

        double at(Side asked, Measure what, WarningSign sign, double weeksBeforeToday) {
            if (asked != side || what != measure || (sign != null && !signs.contains(sign))) {
                return 0;
            }
            double wavesIn = (weeksAgo - weeksBeforeToday) / 2.0;
            if (wavesIn < 0) {
                return 0;
            }
            return size * Math.min(1.0, (Math.floor(wavesIn) + 1) / Math.max(1, rampWaves));
        }
    }

    record Chapter(int weeksAgo, Tone tone) {
    }

    /**
     * A decision proposed {@code weeksAgo} weeks before today: Japan consulted {@code consultedDaysBefore}
     * days before the proposal (null: not consulted beforehand), approved and put into execution the
     * given numbers of days later.
     */
    record Decision(String title, int weeksAgo, Integer consultedDaysBefore, int daysToApproval, int daysToExecution) {
    }

    /**
     * An owner of an action: a named person of the client (address {@code localPart@<domain>.example} on
     * the HQ side, {@code localPart@jp.<domain>.example} on the Japan side), or, with {@code executive},
     * the tenant's demo executive where the tenant has one and this named person otherwise.
     */
    record Owner(boolean executive, String name, String localPart, String language) {

        static Owner person(String name, String localPart, String language) {
            return new Owner(false, name, localPart, language);
        }

        static Owner executiveElse(String name, String localPart) {
            return new Owner(true, name, localPart, "en");
        }
    }

    /**
     * An action as it happened, in days before today (negative: after today): proposed on
     * {@code proposedDaysAgo} (when its proposal notice went out), each owner's agreement (null: not
     * yet), the planned start and due dates, then the recorded start, done or drop (with
     * {@code dropReason}); its status is where these steps lead. {@code answersAlert}: created from the
     * latest alert of Japan on one of its signs opened before the proposal, if the history raised one.
     */
    record Action(String title, String description, String language, List<WarningSign> signs, boolean answersAlert,
                  Owner hq, Owner japan, int proposedDaysAgo, Integer hqAgreedDaysAgo, Integer japanAgreedDaysAgo,
                  int startDaysAgo, int dueDaysAgo, Integer startedDaysAgo, Integer doneDaysAgo, Integer droppedDaysAgo,
                  String dropReason) {
    }

    /** A dated event of the engagement, recorded as a consultant would. */
    record Event(int weeksAgo, EventKind kind, String labelEn, String labelJa) {
    }

    static final int RESTRUCTURING_WEEKS_AGO = 65;
    static final int NORTHWIND_ENGAGEMENT_WEEKS_AGO = 26;
    static final int RISK_EPISODE_WEEKS_AGO = 39;

    /**
     * An HQ restructuring about 15 months ago: afterwards Japan feels left out and stops saying so —
     * EXCLUSION and SILENT_DISSENT rise wave by wave, fewer answer, more answers sit on the fence —
     * while HQ, answering about Japan, sees agreement as before: the perception gap widens. The
     * engagement about 6 months ago turns it; recovery is slower than the fall.
     */
    static DemoStory northwind() {
        int fall = RESTRUCTURING_WEEKS_AGO;
        int turn = NORTHWIND_ENGAGEMENT_WEEKS_AGO;
        // Shifts are larger than the means should move (a fifth; EXCLUSION, which rises furthest, two fifths):
        // each person's own lean spreads the answers and the ends of the 1–5 scale cut that spread, which
        // pulls a side's mean towards the middle the more, the closer it gets to an end.
        // Japan's comments turn careful with its EXCLUSION and SILENT_DISSENT: the strained share of them
        // follows those signs' ramp up, then their slower way down after the engagement.
        // 48 in Japan and 32 at HQ, half of whom write a comment: Japan keeps the comment threshold even
        // when only half of it answers, so its careful wording is shown through the whole story.
        return new DemoStory("Northwind", 20251104L, new Staff(48, 32, 0.55), turn, List.of(
                risk(JAPAN, fall, 16, +56, EXCLUSION),
                risk(JAPAN, fall, 16, +41, SILENT_DISSENT),
                risk(JAPAN, fall, 16, +17, TRUST_EROSION, EXECUTION_DELAY),
                share(JAPAN, Measure.RESPONSE_RATE, fall, 16, -0.36),
                share(JAPAN, Measure.NEUTRAL_SHARE, fall, 16, +0.32),
                share(JAPAN, Measure.COMMENT_RATE, fall, 16, -0.05),
                share(JAPAN, Measure.STRAIN, fall, 16, +0.85),
                risk(JAPAN, turn, 12, -50, EXCLUSION),
                risk(JAPAN, turn, 12, -36, SILENT_DISSENT),
                risk(JAPAN, turn, 12, -12, TRUST_EROSION, EXECUTION_DELAY),
                share(JAPAN, Measure.RESPONSE_RATE, turn, 10, +0.26),
                share(JAPAN, Measure.NEUTRAL_SHARE, turn, 10, -0.30),
                share(JAPAN, Measure.COMMENT_RATE, turn, 6, +0.07),
                share(JAPAN, Measure.STRAIN, turn, 12, -0.75)),
                List.of(new Chapter(turn, Tone.RECOVERING), new Chapter(fall - 6, Tone.STRAINED)),
                List.of(new Event(fall, EventKind.ORGANISATION_CHANGE, "HQ restructuring: Japan now reports through APAC",
                        "本社の組織再編：日本法人はAPAC経由の報告体制に")),
                northwindDecisions(), northwindActions());
    }

    /**
     * The article's trade-off, in the decisions of the last year: consulted early, Japan takes longer to
     * approve but execution starts sooner; decided at HQ first, approval is quick and execution drags.
     */
    private static List<Decision> northwindDecisions() {
        return List.of(
                new Decision("APAC reporting line for Japan sales", 60, null, 6, 41),
                new Decision("Global CRM roll-out to Japan", 56, null, 8, 35),
                new Decision("Unified discount policy", 50, null, 5, 48),
                new Decision("Product launch calendar 2026", 44, null, 9, 30),
                new Decision("Shared service centre for finance", 38, null, 7, 38),
                new Decision("Quarterly forecast template", 30, null, 4, 26),
                new Decision("Japan pricing corridor", 24, 10, 18, 6),
                new Decision("Monthly pre-briefing of Japan leadership", 22, 7, 9, 2),
                new Decision("Bilingual concerns register in leadership meetings", 19, 12, 18, 3),
                new Decision("Localised onboarding for Japan hires", 15, 6, 16, 5),
                new Decision("Joint go-to-market plan for the new product line", 11, 14, 24, 9),
                new Decision("Approval limits for Japan country manager", 6, 9, 17, 5));
    }

    static final String PRE_BRIEFING = "Monthly pre-briefing of Japan leadership before global strategy meetings";
    static final String CONCERNS_REGISTER = "経営会議での日英「懸念事項レジスター」の運用";
    static final String STRATEGY_SUMMARIES = "本社戦略資料の日本語要約を会議の1週間前に共有";
    static final String LOCALISED_ONBOARDING = "日本法人採用者向けオンボーディングの現地化";
    static final String GO_TO_MARKET = "Joint go-to-market plan for the new product line";
    static final String ROADMAP_CO_CHAIR = "Japan co-chair for the quarterly product roadmap review";
    static final String WEEKLY_REPORT = "Weekly written status report from Japan to HQ";

    /**
     * What was done about the signs once the engagement began, in step with the decisions of the same
     * name: Japan consulted first, both owners agree, then it starts. Three are done, the pre-briefing
     * runs on, the go-to-market plan is late, one was given up, one waits for Japan's agreement. Their
     * measured effects are whatever the history shows (DemoActionsTest prints them).
     */
    private static List<Action> northwindActions() {
        Owner exec = Owner.executiveElse("Greta Hoffmann", "greta.hoffmann");
        Owner countryManager = Owner.person("佐藤 健", "sato.1", "ja");
        return List.of(
                new Action(PRE_BRIEFING, """
                        Before each monthly global strategy meeting, HQ walks the Japan leadership team through the \
                        proposals on the agenda a week ahead, in Japanese where needed, so that Japan's view is formed \
                        and heard before decisions are tabled (nemawashi), not after.""", "en",
                        List.of(EXCLUSION, CONSENSUS_PACE), true, exec, countryManager,
                        161, 158, 145, 143, -120, 143, null, null, null),
                new Action(CONCERNS_REGISTER, """
                        経営会議の議題ごとに、日本側・本社側の懸念を日英2か国語で記録する「懸念事項レジスター」を設け、\
                        次回会議までに各懸念への回答と担当者を明記する。沈黙を同意と読み違えないための仕組み。
                        A bilingual register of concerns per agenda item of the leadership meeting, each answered with \
                        an owner by the next meeting, so that silence is not read as agreement.""", "ja",
                        List.of(SILENT_DISSENT), false, Owner.person("Anna Müller", "anna.1", "en"),
                        Owner.person("山本 誠", "yamamoto.7", "ja"), 145, 118, 115, 112, 49, 112, 49, null, null),
                new Action(STRATEGY_SUMMARIES, """
                        本社の戦略資料（英語）の要点を日本語で1〜2ページにまとめ、会議の1週間前に日本法人の部長層へ共有する。""",
                        "ja", List.of(EXCLUSION), false, Owner.person("Emily Smith", "emily.3", "en"),
                        Owner.person("高橋 大輔", "takahashi.3", "ja"), 176, 172, 170, 168, 126, 168, 126, null, null),
                new Action(LOCALISED_ONBOARDING, """
                        日本法人の新入社員・中途採用者向けに、本社の意思決定プロセスと日本側の役割を日本語で説明する\
                        オンボーディングを整備する。""", "ja", List.of(TRUST_EROSION), false,
                        Owner.person("Hannah Wagner", "hannah.9", "en"), Owner.person("鈴木 美咲", "suzuki.2", "ja"),
                        111, 95, 90, 84, 28, 84, 28, null, null),
                new Action(GO_TO_MARKET, """
                        HQ product marketing and Japan sales write one go-to-market plan for the new product line \
                        together: launch dates, local pricing within the corridor, and who decides what in Japan.""", "en",
                        List.of(EXECUTION_DELAY), false, Owner.person("Lukas Schmidt", "lukas.2", "en"),
                        Owner.person("井上 大輔", "inoue.15", "en"), 91, 55, 53, 44, 10, 44, null, null, null),
                new Action(ROADMAP_CO_CHAIR, """
                        The Japan country manager co-chairs the quarterly product roadmap review, with a say on \
                        priorities for the Japanese market before the roadmap is fixed.""", "en",
                        List.of(EXCLUSION, AUTHORITY_GAP), false, exec, countryManager, 6, 3, null, -14, -100, null, null,
                        null, null),
                new Action(WEEKLY_REPORT, """
                        Japan team leads send HQ a written status report on the open initiatives every week.""", "en",
                        List.of(MOMENTUM, EXECUTION_DELAY), false, Owner.person("Michael Miller", "michael.8", "en"),
                        Owner.person("松本 美咲", "matsumoto.14", "ja"), 172, 168, 165, 161, 77, 161, null, 112, """
                        Japan's reports were already detailed: a weekly report added work without speeding up \
                        execution ("detailed reports, slow momentum"). Replaced by the joint go-to-market plan."""));
    }

    /** Healthy and steady, except one debate about launch risk about 9 months ago that lasts five waves. */
    static DemoStory contoso() {
        int from = RISK_EPISODE_WEEKS_AGO;
        int until = from - 10;
        return new DemoStory("Contoso", 20240615L, new Staff(24, 20, 0.10), 8, List.of(
                risk(JAPAN, from, 1, +46, RISK_LENS),
                risk(HQ, from, 1, +15, RISK_LENS),
                risk(JAPAN, until, 1, -46, RISK_LENS),
                risk(HQ, until, 1, -15, RISK_LENS)),
                List.of(new Chapter(until, Tone.CALM), new Chapter(from, Tone.RISK_DEBATE)),
                List.of(new Event(from, EventKind.MILESTONE, "Launch brought forward: debate on launch risk starts",
                        "発売の前倒し：発売リスクをめぐる議論が始まる")),
                List.of(), List.of());
    }

    private static Shift risk(Side side, int weeksAgo, int rampWaves, double points, WarningSign... signs) {
        return new Shift(side, Measure.RISK, EnumSet.of(signs[0], signs), points, weeksAgo, rampWaves);
    }

    private static Shift share(Side side, Measure measure, int weeksAgo, int rampWaves, double size) {
        return new Shift(side, measure, Set.of(), size, weeksAgo, rampWaves);
    }

    /**
     * What a person's sense of alignment (the outcome items) follows, as weights on their own risk per
     * sign: the article's point that the two sides optimise for different risks. Japan feels aligned
     * when it is consulted early and can disagree openly; HQ when initiatives land on time and move.
     * The same for every demo tenant, so each shows drivers that differ between HQ and Japan.
     */
    static Map<WarningSign, Double> outcomeDrivers(Side side) {
        return switch (side) {
            case JAPAN -> Map.of(EXCLUSION, 0.5, SILENT_DISSENT, 0.4, TRUST_EROSION, 0.1);
            case HQ, REGIONAL -> Map.of(EXECUTION_DELAY, 0.5, MOMENTUM, 0.4, DIFFICULT_LABEL, 0.1);
        };
    }

    /** The calm state: Japan a little more worried than HQ about everything; regional staff in between. */
    double risk(Side side, WarningSign sign, double weeksAgo) {
        double base = switch (side) {
            case JAPAN -> 30;
            case HQ -> 22;
            case REGIONAL -> 26;
        };
        // Each sign sits a little differently, the same way on every start.
        base += new Random(seed * 31 + sign.ordinal()).nextInt(11) - 5;
        return base + sum(side, Measure.RISK, sign, weeksAgo);
    }

    /**
     * Over Japan's long holidays (year end, Golden Week, Obon) hardly anyone in Japan answers: those
     * waves show Japan below k, so suppression is visible in every history.
     */
    double responseRate(Side side, double weeksAgo, LocalDate occurrence) {
        if (side == JAPAN && japaneseHoliday(occurrence)) {
            return Math.min(0.1, HOLIDAY_RESPONDENTS / staff.japan());
        }
        return clamp((side == JAPAN ? 0.86 : 0.82) + sum(side, Measure.RESPONSE_RATE, null, weeksAgo), 0.1, 0.97);
    }

    /** Expected respondents of Japan over its holidays: about two, below k whatever the headcount. */
    private static final double HOLIDAY_RESPONDENTS = 2.4;

    static boolean japaneseHoliday(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return !day.isBefore(MonthDay.of(12, 24)) || day.isBefore(MonthDay.of(1, 5))
                || !day.isBefore(MonthDay.of(4, 27)) && day.isBefore(MonthDay.of(5, 6))
                || !day.isBefore(MonthDay.of(8, 10)) && day.isBefore(MonthDay.of(8, 17));
    }

    /** Share of answers put on the midpoint whatever the person thinks. */
    double neutralShare(Side side, double weeksAgo) {
        return clamp(0.06 + sum(side, Measure.NEUTRAL_SHARE, null, weeksAgo), 0, 0.6);
    }

    double commentRate(Side side, double weeksAgo) {
        return clamp(staff.commentRate() + sum(side, Measure.COMMENT_RATE, null, weeksAgo), 0.02, 0.8);
    }

    Tone tone(double weeksAgo) {
        return chapters.stream().filter(c -> weeksAgo <= c.weeksAgo()).findFirst().map(Chapter::tone).orElse(Tone.CALM);
    }

    /**
     * The tone of one comment of the side: the chapter's, except that a side under strain writes the
     * given share of its comments strained (the rest calm, or recovering once that chapter began). A
     * side without strain draws nothing, so its history stays as it was.
     */
    Tone tone(Side side, double weeksAgo, Random random) {
        Tone chapter = tone(weeksAgo);
        double strain = clamp(sum(side, Measure.STRAIN, null, weeksAgo), 0, 1);
        if (strain <= 0) {
            return chapter;
        }
        if (random.nextDouble() < strain) {
            return Tone.STRAINED;
        }
        return chapter == Tone.STRAINED ? Tone.CALM : chapter;
    }

    private double sum(Side side, Measure measure, WarningSign sign, double weeksAgo) {
        return shifts.stream().mapToDouble(s -> s.at(side, measure, sign, weeksAgo)).sum();
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
