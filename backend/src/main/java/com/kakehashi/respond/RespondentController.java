package com.kakehashi.respond;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * The respondent page behind the personal link {@code /s/{token}}: HTML for people, not part of the
 * JSON API. Headers and the rate limit come from {@link RespondentFilter}.
 */
@Controller("/s")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class RespondentController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final RespondentService service;
    private final PageRenderer pages;

    RespondentController(RespondentService service, PageRenderer pages) {
        this.service = service;
        this.pages = pages;
    }

    @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> show(@PathVariable String token, @Nullable @QueryValue String lang) {
        return html(pages.render(token, service.visit(token, lang)));
    }

    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> answer(@PathVariable String token, @Nullable @Body Map<String, String> form) {
        return html(pages.render(token, service.submit(token, form == null ? Map.of() : form)));
    }

    /**
     * A body that is not valid application/x-www-form-urlencoded ("a=%zz") fails in Netty's decoder
     * while the arguments are bound, before the token is looked at: the same page for every token.
     */
    @Error(exception = HttpPostRequestDecoder.ErrorDataDecoderException.class)
    HttpResponse<String> unreadableForm() {
        return html(pages.badRequest());
    }

    private static HttpResponse<String> html(PageRenderer.RenderedPage page) {
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(page.status()))
                .contentType(HTML)
                .body(page.html());
    }
}
