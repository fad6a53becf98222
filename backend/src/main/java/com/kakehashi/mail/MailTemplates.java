package com.kakehashi.mail;

import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the finished bytes of invitation and reminder mails cheaply. {@link MailRenderer} decides
 * the words; here each distinct (kind, language, engagement, closing time, zone) is rendered once
 * with markers where the name and the link go, its subject encoded once, and every mail after that
 * is string concatenation plus base64 of two UTF-8 bodies. Both parts are base64, so the fixed
 * multipart boundary (it starts with "=_") can never occur inside them.
 */
@Singleton
class MailTemplates {

    private static final char NAME = '\u0001';
    private static final char LINK = '\u0002';
    private static final String CRLF = "\r\n";
    private static final String BOUNDARY = "=_kakehashi_alternative";
    /** Waves in flight at once are few; the cap only keeps a long-running process from growing. */
    private static final int MAX_CACHED = 500;
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder();

    private final MailRenderer renderer;
    private final Clock clock;
    private final String fromHeader;
    private final ConcurrentHashMap<Key, Template> cache = new ConcurrentHashMap<>();

    MailTemplates(MailRenderer renderer, MailSettings settings, Clock clock) {
        this.renderer = renderer;
        this.clock = clock;
        this.fromHeader = "From: " + MimeUtility.fold(6, settings.from().toString()) + CRLF;
    }

    private record Key(OutboxKind kind, boolean japanese, String engagement, Instant closesAt, String timeZone, boolean named) {
    }

    /** Literal text around the name and link slots. */
    private record Fragments(String[] literals, char[] slots) {

        static Fragments of(String rendered) {
            List<String> literals = new ArrayList<>();
            StringBuilder slots = new StringBuilder();
            int start = 0;
            for (int i = 0; i < rendered.length(); i++) {
                char c = rendered.charAt(i);
                if (c == NAME || c == LINK) {
                    literals.add(rendered.substring(start, i));
                    slots.append(c);
                    start = i + 1;
                }
            }
            literals.add(rendered.substring(start));
            return new Fragments(literals.toArray(String[]::new), slots.toString().toCharArray());
        }

        String fill(String name, String link) {
            StringBuilder out = new StringBuilder(literals[0].length() * 2 + 512);
            out.append(literals[0]);
            for (int i = 0; i < slots.length; i++) {
                out.append(slots[i] == NAME ? name : link).append(literals[i + 1]);
            }
            return out.toString();
        }
    }

    /** The headers after To and Message-ID, and both bodies with their slots. */
    private record Template(String headers, Fragments text, Fragments html) {
    }

    RenderedMessage message(Session session, OutboxMail mail, String link) throws MessagingException {
        String email = mail.email();
        if (email == null || email.indexOf('\r') >= 0 || email.indexOf('\n') >= 0) {
            throw new MessagingException("invalid recipient address");
        }
        String name = mail.displayName() == null ? "" : mail.displayName().replaceAll("[\\r\\n]+", " ");
        InternetAddress to;
        try {
            to = name.isEmpty() ? new InternetAddress(email) : new InternetAddress(email, name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 unsupported", e);
        }
        Template template = template(mail, !name.isEmpty());
        String text = template.text().fill(name, link);
        String html = template.html().fill(MailRenderer.esc(name), MailRenderer.esc(link));
        byte[] textBody = BASE64.encode(text.getBytes(StandardCharsets.UTF_8));
        byte[] htmlBody = BASE64.encode(html.getBytes(StandardCharsets.UTF_8));
        String head = "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)) + CRLF
                + fromHeader
                + "To: " + MimeUtility.fold(4, to.toString()) + CRLF
                + "Message-ID: " + renderer.messageId(mail) + CRLF
                + template.headers()
                + CRLF
                + part("plain");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + textBody.length + htmlBody.length + 256);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(textBody);
        out.writeBytes((CRLF + part("html")).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(htmlBody);
        out.writeBytes((CRLF + "--" + BOUNDARY + "--" + CRLF).getBytes(StandardCharsets.US_ASCII));
        return new RenderedMessage(session, out.toByteArray(), to);
    }

    private static String part(String subtype) {
        return "--" + BOUNDARY + CRLF
                + "Content-Type: text/" + subtype + "; charset=UTF-8" + CRLF
                + "Content-Transfer-Encoding: base64" + CRLF
                + CRLF;
    }

    private Template template(OutboxMail mail, boolean named) {
        Key key = new Key(mail.kind(), MailRenderer.japanese(mail), mail.surveyTitle(), mail.closesAt(), mail.timeZone(), named);
        Template cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        return cache.computeIfAbsent(key, k -> build(mail, named));
    }

    private Template build(OutboxMail mail, boolean named) {
        OutboxMail marked = new OutboxMail(mail.id(), mail.invitationId(), mail.kind(), mail.sendAfter(), mail.attempts(),
                mail.language(), mail.timeZone(), mail.responded(), mail.email(), named ? String.valueOf(NAME) : null,
                mail.closesAt(), mail.surveyTitle().replace(NAME, ' ').replace(LINK, ' '));
        MailRenderer.Content content = renderer.content(marked, String.valueOf(LINK));
        String subject;
        try {
            subject = MimeUtility.fold(9, MimeUtility.encodeText(content.subject(), "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 unsupported", e);
        }
        String headers = "Subject: " + subject + CRLF
                + "MIME-Version: 1.0" + CRLF
                + "Content-Type: multipart/alternative;" + CRLF + "\tboundary=\"" + BOUNDARY + "\"" + CRLF
                + "Content-Language: " + (MailRenderer.japanese(mail) ? "ja" : "en") + CRLF
                + "Auto-Submitted: auto-generated" + CRLF;
        return new Template(headers, Fragments.of(content.text()), Fragments.of(content.html()));
    }
}
