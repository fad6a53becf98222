package com.kakehashi.respond;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the respondent reads, in English and Japanese (です/ます). Scale labels as in
 * docs/measurement.md. Plain maps, because templates read them by key.
 */
final class Translations {

    static final String EN = "en";
    static final String JA = "ja";

    static final int COMMENT_MAX = 2000;

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("title", "Pulse survey"),
            Map.entry("switchLabel", "日本語"),
            Map.entry("switchHint", "この調査を日本語で表示する"),
            Map.entry("intro", "For each statement, choose the answer closest to your own view. There are no right or wrong answers."),
            Map.entry("anonymity", "Your answers are anonymous: they are stored without your name or email and are shown only as results of groups of several people."),
            Map.entry("closesLabel", "Open until:"),
            Map.entry("required", "Please answer every statement. The comment at the end is optional."),
            Map.entry("errorTitle", "Please check your answers"),
            Map.entry("errorIntro", "Your answers have not been sent yet. Please correct the points below; your other answers are kept."),
            Map.entry("missing", "Please choose an answer for this statement."),
            Map.entry("invalid", "This answer is not one of the five options. Please choose one from 1 to 5."),
            Map.entry("commentTooLong", "Please shorten your comment to 2,000 characters or fewer (it has %d)."),
            Map.entry("commentUnsafe", "Your comment contained invisible control or text-direction characters. They have been removed below: please check your comment and send again."),
            Map.entry("commentHint", "Optional. Up to 2,000 characters. Please do not include names or anything that identifies you."),
            Map.entry("commentLabelDefault", "Comment (optional)"),
            Map.entry("submit", "Send my answers"),
            Map.entry("statement", "Statement %d of %d"),
            Map.entry("thanksTitle", "Thank you for your answers"),
            Map.entry("thanksBody", "Your answers have been received. They are counted anonymously and help HQ and Japan talk openly about what matters. You can close this page now."),
            Map.entry("alreadyTitle", "We have already received your answers"),
            Map.entry("alreadyBody", "Answers from this link have already been received. Each link can be used once, so the answers cannot be changed. Thank you for taking part."));

    private static final Map<String, String> JAPANESE = Map.ofEntries(
            Map.entry("title", "パルスサーベイ"),
            Map.entry("switchLabel", "English"),
            Map.entry("switchHint", "Show this survey in English"),
            Map.entry("intro", "それぞれの項目について、ご自身のお考えに最も近いものを1つお選びください。正解・不正解はありません。"),
            Map.entry("anonymity", "回答は匿名です。お名前やメールアドレスとは結び付けずに保存され、複数人のグループの集計結果としてのみ表示されます。"),
            Map.entry("closesLabel", "回答期間："),
            Map.entry("required", "すべての項目にご回答ください。最後のコメント欄は任意です。"),
            Map.entry("errorTitle", "入力内容をご確認ください"),
            Map.entry("errorIntro", "回答はまだ送信されていません。以下の箇所をご確認ください。そのほかの回答はそのまま残っています。"),
            Map.entry("missing", "この項目の回答を選んでください。"),
            Map.entry("invalid", "選択肢にない回答です。1〜5の中からお選びください。"),
            Map.entry("commentTooLong", "コメントは2,000文字以内でご記入ください（現在%d文字です）。"),
            Map.entry("commentUnsafe", "コメントに、表示されない制御文字または文字の向きを変える文字が含まれていました。下の欄ではそれらを取り除いています。内容をご確認のうえ、もう一度送信してください。"),
            Map.entry("commentHint", "任意・2,000文字以内です。お名前など、個人が特定される内容は書かないでください。"),
            Map.entry("commentLabelDefault", "コメント（任意）"),
            Map.entry("submit", "回答を送信する"),
            Map.entry("statement", "設問 %d / %d"),
            Map.entry("thanksTitle", "ご回答ありがとうございました"),
            Map.entry("thanksBody", "回答を受け付けました。いただいた回答は匿名で集計され、本社と日本法人が率直に話し合うために役立てられます。このページは閉じていただいて構いません。"),
            Map.entry("alreadyTitle", "回答はすでに受け付けています"),
            Map.entry("alreadyBody", "このリンクからの回答はすでに受け付けております。回答は1回限りのため、変更することはできません。ご協力ありがとうございました。"));

    /** Value, English label, Japanese label. */
    private static final List<String[]> SCALE = List.of(
            new String[]{"1", "Strongly disagree", "全くそう思わない"},
            new String[]{"2", "Disagree", "そう思わない"},
            new String[]{"3", "Neither agree nor disagree", "どちらともいえない"},
            new String[]{"4", "Agree", "そう思う"},
            new String[]{"5", "Strongly agree", "強くそう思う"});

    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_JA = DateTimeFormatter.ofPattern("M月d日 H:mm", Locale.JAPANESE);
    /** English abbreviations in both languages: the JDK's Japanese names call New York's summer time "EST". */
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    private Translations() {
    }

    static Map<String, String> of(String language) {
        return JA.equals(language) ? JAPANESE : ENGLISH;
    }

    static String other(String language) {
        return JA.equals(language) ? EN : JA;
    }

    /** A supported language, or the fallback. */
    static String language(String requested, String fallback) {
        if (EN.equals(requested) || JA.equals(requested)) {
            return requested;
        }
        return JA.equals(fallback) ? JA : EN;
    }

    static List<Map<String, String>> scale(String language) {
        int column = JA.equals(language) ? 2 : 1;
        return SCALE.stream().map(s -> Map.of("value", s[0], "label", s[column])).toList();
    }

    /**
     * The deadline in the respondent's own zone, to the minute, with the zone's short name:
     * "7 December, 23:59 JST" or 「12月7日 23:59（JST）まで」. A deadline is days away, so no year.
     */
    static String dateTime(java.time.Instant instant, String zone, String language) {
        ZoneId id;
        try {
            id = ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            id = ZoneId.of("UTC");
        }
        ZonedDateTime at = instant.atZone(id);
        String zoneName = ZONE.format(at);
        return JA.equals(language) ? DATE_JA.format(at) + "（" + zoneName + "）まで" : DATE_EN.format(at) + " " + zoneName;
    }
}
