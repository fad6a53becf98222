package com.kakehashi.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The demo mailbox, readable without login: demo run only (the bean does not exist otherwise). */
@Controller("/demo")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "kakehashi.demo", value = "true")
@Requires(beans = DemoMailbox.class)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class DemoMailboxController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final DemoMailbox mailbox;

    DemoMailboxController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Get(uri = "/mailbox.json", produces = MediaType.APPLICATION_JSON)
    List<DemoMailbox.Entry> json() {
        return mailbox.entries();
    }

    @Get(uri = "/mailbox", produces = MediaType.TEXT_HTML)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    String html() {
        List<DemoMailbox.Entry> entries = mailbox.entries();
        StringBuilder rows = new StringBuilder();
        for (DemoMailbox.Entry entry : entries) {
            StringBuilder links = new StringBuilder();
            for (String link : entry.links()) {
                links.append("<a href=\"").append(escape(link)).append("\">").append(escape(link)).append("</a><br>");
            }
            rows.append("<tr><td>").append(escape(entry.to()))
                    .append("</td><td>").append(escape(entry.subject()))
                    .append("</td><td>").append(TIME.format(entry.receivedAt()))
                    .append("</td><td>").append(links).append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Demo mailbox</title>
                <style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;width:100%%}
                th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}a{word-break:break-all}</style>
                </head><body>
                <h1>Demo mailbox</h1>
                <p>Every mail the demo run has sent (%d). Reload to see new ones.</p>
                <table><thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Received</th><th scope="col">Links</th></tr></thead>
                <tbody>
                %s</tbody></table>
                </body></html>
                """.formatted(entries.size(), rows);
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
