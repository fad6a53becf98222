package com.kakehashi.action;

import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.web.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new action, proposed to its two owners. {@code language}: the language the title and description
 * are written in. {@code alertId}: the alert it answers; the alert is then acknowledged, and its sign
 * is the target when {@code signs} is left empty. {@code signs}: the warning signs it targets (at least one).
 */
@Serdeable
public record ActionDetails(@NotNull UUID engagementId,
                            @Nullable UUID alertId,
                            @NotBlank @Size(max = 200) String title,
                            @Nullable @MultiLine @Size(max = 4000) String description,
                            @NotNull @Pattern(regexp = "ja|en", message = "must be ja or en") String language,
                            @Nullable @Size(max = 9) List<@NotNull WarningSign> signs,
                            @NotNull LocalDate startOn,
                            @NotNull LocalDate dueOn,
                            @NotNull @Valid OwnerDetails hqOwner,
                            @NotNull @Valid OwnerDetails japanOwner) {
}
