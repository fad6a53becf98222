package com.kakehashi.mail;

import jakarta.inject.Singleton;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Invitation and reminder mails in the participant's language (ja or en; anything else gets
 * English), plain text + HTML, with the closing time in the participant's own time zone. The words
 * only: {@link MailTemplates} turns them into MIME.
 */
@Singleton
class MailRenderer {

    private static final Locale JA = Locale.JAPAN;
    private static final Locale EN = Locale.ENGLISH;
    private static final DateTimeFormatter JA_LONG = DateTimeFormatter.ofPattern("yyyy年M月d日(E) H:mm", JA);
    private static final DateTimeFormatter JA_SHORT = DateTimeFormatter.ofPattern("M月d日(E)", JA);
    private static final DateTimeFormatter EN_LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", EN);
    private static final DateTimeFormatter EN_SHORT = DateTimeFormatter.ofPattern("EEE d MMM", EN);

    private final MailSettings settings;

    MailRenderer(MailSettings settings) {
        this.settings = settings;
    }

    /** What a mail says, before it becomes MIME. */
    record Content(String subject, String text, String html) {
    }

    /**
     * {@code <invitationId.invitation@domain>}; a reminder also names its outbox row, because one
     * invitation may get several reminders and retries move send_after (the id stays the same).
     */
    String messageId(OutboxMail mail) {
        String local = mail.kind() == OutboxKind.INVITATION
                ? mail.invitationId() + ".invitation"
                : mail.invitationId() + ".reminder." + mail.id();
        return "<" + local + "@" + settings.domain() + ">";
    }

    Content content(OutboxMail mail, String link) {
        ZonedDateTime closes = mail.closesAt().atZone(zone(mail.timeZone()));
        boolean reminder = mail.kind() == OutboxKind.REMINDER;
        String name = mail.displayName() == null ? "" : mail.displayName();
        // The schedule's survey title in the mail's language: the engagement name is internal.
        String title = mail.surveyTitle();
        if (japanese(mail)) {
            String deadline = JA_LONG.format(closes) + "（" + closes.getZone().getDisplayName(TextStyle.FULL, JA) + "）";
            String subject = (reminder ? "【リマインド】" : "") + "アンケートご回答のお願い：" + title
                    + "（" + JA_SHORT.format(closes) + "締切）";
            String intro = reminder
                    ? "先日ご案内したアンケートについて、まだご回答を確認できておりませんので、改めてご連絡いたします。\n"
                      + "行き違いでご回答済みの場合は、どうぞご容赦ください。"
                    : "いつもお世話になっております。\n短いアンケート「" + title + "」へのご協力をお願いしております。\n"
                      + "所要時間は5分程度です。";
            String text = name + " 様\n\n" + intro + "\n\n"
                    + "以下のリンクからご回答ください。回答期限は " + deadline + " です。\n"
                    + link + "\n\n"
                    + "ご回答は匿名で集計され、個人が特定される形で共有されることはありません。\n"
                    + "このリンクはご本人専用ですので、転送はご遠慮ください。\n\n"
                    + "Kakehashi\n";
            String html = html("ja", subject,
                    "<p>" + esc(name) + " 様</p>\n<p>" + esc(intro).replace("\n", "<br>\n") + "</p>\n"
                            + "<p>以下のボタンからご回答ください。回答期限は <strong>" + esc(deadline) + "</strong> です。</p>\n"
                            + button(link, "アンケートに回答する")
                            + "<p style=\"font-size:13px;color:#555\">ボタンが開かない場合は、次のURLをブラウザに貼り付けてください：<br>"
                            + "<a href=\"" + esc(link) + "\">" + esc(link) + "</a></p>\n"
                            + "<p>ご回答は匿名で集計され、個人が特定される形で共有されることはありません。<br>\n"
                            + "このリンクはご本人専用ですので、転送はご遠慮ください。</p>\n<p>Kakehashi</p>\n");
            return new Content(subject, text, html);
        }
        String deadline = EN_LONG.format(closes) + " (" + closes.getZone().getDisplayName(TextStyle.FULL, EN) + ")";
        String subject = reminder
                ? "Reminder: " + title + " closes " + EN_SHORT.format(closes)
                : title + ": a short survey for you (open until " + EN_SHORT.format(closes) + ")";
        String intro = reminder
                ? "We have not yet received your answers to the short survey we sent you recently, so here is a gentle reminder.\n"
                  + "If you have answered in the meantime, thank you, and please ignore this mail."
                : "We are asking for your view in a short survey, \u201c" + title + "\u201d.\n"
                  + "It takes about five minutes.";
        String greeting = name.isEmpty() ? "Hello," : "Dear " + name + ",";
        String text = greeting + "\n\n" + intro + "\n\n"
                + "Please answer using the link below by " + deadline + ".\n"
                + link + "\n\n"
                + "Answers are anonymous and reported only in aggregate; nobody can see what you answered.\n"
                + "This link is personal to you; please do not forward it.\n\n"
                + "Kakehashi\n";
        String html = html("en", subject,
                "<p>" + esc(greeting) + "</p>\n<p>" + esc(intro).replace("\n", "<br>\n") + "</p>\n"
                        + "<p>Please answer by <strong>" + esc(deadline) + "</strong>.</p>\n"
                        + button(link, "Answer the survey")
                        + "<p style=\"font-size:13px;color:#555\">If the button does not work, paste this address into your browser:<br>"
                        + "<a href=\"" + esc(link) + "\">" + esc(link) + "</a></p>\n"
                        + "<p>Answers are anonymous and reported only in aggregate; nobody can see what you answered.<br>\n"
                        + "This link is personal to you; please do not forward it.</p>\n<p>Kakehashi</p>\n");
        return new Content(subject, text, html);
    }

    static boolean japanese(OutboxMail mail) {
        return "ja".equalsIgnoreCase(mail.language());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String html(String lang, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title></head>\n"
                + "<body style=\"font-family:sans-serif;font-size:15px;line-height:1.6;color:#222;max-width:600px\">\n"
                + body + "</body></html>\n";
    }

    private static String button(String link, String label) {
        return "<p><a href=\"" + esc(link) + "\" style=\"display:inline-block;padding:10px 18px;background:#1f5fa8;"
                + "color:#fff;text-decoration:none;border-radius:4px\">" + esc(label) + "</a></p>\n";
    }

    static String esc(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
