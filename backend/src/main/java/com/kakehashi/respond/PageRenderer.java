package com.kakehashi.respond;

import com.kakehashi.survey.InstrumentItemView;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders the respondent's pages (templates under views/respond) to HTML text. */
@Singleton
class PageRenderer {

    record RenderedPage(int status, String html) {
    }

    private final TemplateEngine engine;
    /**
     * The thank-you, already-answered, unavailable and too-many pages depend on the language only:
     * rendered once each (every submission ends on one of them).
     */
    private final Map<String, RenderedPage> fixed = new ConcurrentHashMap<>();

    PageRenderer(TemplateEngine engine) {
        this.engine = engine;
    }

    RenderedPage render(String token, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Unavailable u -> unavailable();
            case Outcome.AlreadyAnswered a -> message(a.language(), "alreadyTitle", "alreadyBody");
            case Outcome.Thanks t -> message(t.language(), "thanksTitle", "thanksBody");
            case Outcome.Form f -> form(token, f);
        };
    }

    /** The same bytes for every unknown, expired or closed token: nothing of the token is in it. */
    RenderedPage unavailable() {
        return fixed.computeIfAbsent("unavailable", k -> new RenderedPage(404, process("respond/unavailable", Locale.JAPANESE, Map.of())));
    }

    /** A form post that says it comes from another site (see RespondentOriginFilter). */
    RenderedPage crossSite() {
        return fixed.computeIfAbsent("cross-site", k -> new RenderedPage(403, process("respond/cross-site", Locale.JAPANESE, Map.of())));
    }

    /** A form body that is not valid application/x-www-form-urlencoded (e.g. "a=%zz"). */
    RenderedPage badRequest() {
        return fixed.computeIfAbsent("bad-request", k -> new RenderedPage(400, process("respond/bad-request", Locale.JAPANESE, Map.of())));
    }

    RenderedPage tooManyRequests() {
        return fixed.computeIfAbsent("too-many", k -> new RenderedPage(429, process("respond/too-many", Locale.JAPANESE, Map.of())));
    }

    /** The database cannot be reached just now (a 503 from web.DatabaseUnavailable): nothing was stored. */
    RenderedPage busy() {
        return fixed.computeIfAbsent("busy", k -> new RenderedPage(503, process("respond/busy", Locale.JAPANESE, Map.of())));
    }

    private RenderedPage message(String language, String titleKey, String bodyKey) {
        return fixed.computeIfAbsent(language + "/" + titleKey, k -> {
            Map<String, String> t = Translations.of(language);
            return new RenderedPage(200, process("respond/message", Locale.forLanguageTag(language),
                    Map.of("lang", language, "t", t, "heading", t.get(titleKey), "body", t.get(bodyKey))));
        });
    }

    private RenderedPage form(String token, Outcome.Form form) {
        String language = form.language();
        Map<String, String> t = Translations.of(language);
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, String>> summary = new ArrayList<>();
        int count = form.items().size();
        for (int n = 0; n < count; n++) {
            InstrumentItemView item = form.items().get(n);
            Map<String, Object> row = new HashMap<>();
            row.put("code", item.code());
            row.put("number", n + 1);
            row.put("position", t.get("statement").formatted(n + 1, count));
            row.put("text", Outcome.text(item, form.invitee().side(), language));
            row.put("selected", form.selected().get(item.code()));
            Outcome.AnswerError error = form.errors().get(item.code());
            if (error != null) {
                String message = message(t, error);
                row.put("error", message);
                summary.add(Map.of("anchor", "q-" + item.code(), "text", (n + 1) + ". " + message));
            }
            items.add(row);
        }
        String commentError = null;
        Outcome.AnswerError commentProblem = form.errors().get("comment");
        if (commentProblem != null) {
            commentError = message(t, commentProblem);
            summary.add(Map.of("anchor", "comment", "text", commentError));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lang", language);
        model.put("otherLang", Translations.other(language));
        model.put("t", t);
        model.put("token", token);
        model.put("heading", form.invitee().surveyTitle(language));
        model.put("closes", Translations.dateTime(form.invitee().closesAt(), form.invitee().timeZone(), language));
        model.put("closesIso", form.invitee().closesAt().toString());
        model.put("items", items);
        model.put("scale", Translations.scale(language));
        model.put("commentPrompt", form.commentPrompt());
        model.put("comment", form.comment() == null ? "" : form.comment());
        model.put("commentError", commentError);
        model.put("commentMax", Translations.COMMENT_MAX);
        model.put("summary", summary);
        return new RenderedPage(form.invalid() ? 422 : 200, process("respond/form", Locale.forLanguageTag(language), model));
    }

    private static String message(Map<String, String> t, Outcome.AnswerError error) {
        String text = t.get(error.key());
        return error.argument() == null ? text : text.formatted(error.argument());
    }

    private String process(String template, Locale locale, Map<String, Object> model) {
        return engine.process(template, new Context(locale, model));
    }
}
