package com.kakehashi.insight;

import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

/** Comment themes: read like every insight (whoever may enter the tenant). */
@Controller("/api/v1/tenants/{tenantId}/insights")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Insights")
@ProblemResponses.TenantScoped
class ThemesController {

    private final CommentThemeService themes;

    ThemesController(CommentThemeService themes) {
        this.themes = themes;
    }

    @Get("/themes")
    @Operation(operationId = "insightThemes",
            summary = "Per wave and side, the most frequent content terms of the comments (Japanese nouns and noun "
                    + "compounds, English lemmas) with how many comments mention each, glossed and linked to warning signs",
            description = "waveId picks one wave; otherwise engagementId, from and to (ISO dates of wave occurrences) pick "
                    + "the waves as the trend does. sides is a comma-separated list of HQ, JAPAN, REGIONAL. Closed waves "
                    + "only (an open wave's sides say WAVE_OPEN). A side's terms are shown only when it has at least "
                    + "commentThreshold comments (max(10, k)); a term only when at least minimumMentions comments mention "
                    + "it; at most top terms per side. english/japanese give the term in each language where the theme "
                    + "lexicon knows it; signs are the warning signs whose items name it.")
    @ApiResponse(responseCode = "200", description = "themes per wave and side, hidden groups with their reason")
    @ProblemResponses.NotFound
    ThemeViews.Themes themes(@PathVariable UUID tenantId, @QueryValue @Nullable String waveId,
                             @QueryValue @Nullable String engagementId, @QueryValue @Nullable String sides,
                             @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        UUID wave = null;
        if (waveId != null && !waveId.isBlank()) {
            try {
                wave = UUID.fromString(waveId.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("waveId", "must be a UUID");
            }
        }
        return themes.themes(new CommentThemeService.Filter(wave,
                InsightController.filter(engagementId, null, sides, null, from, to)));
    }
}
