package com.kakehashi.action;

import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.web.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(example = """
                {"engagementId": "9b2f4d6e-1a3c-4b5d-8e7f-0a1b2c3d4e5f", "title": "Involve Japan in pricing drafts",
                "description": "Japan sees the draft price list two weeks before HQ decides.", "language": "en",
                "signs": ["EXCLUSION"], "startOn": "2027-02-01", "dueOn": "2027-04-30",
                "hqOwner": {"name": "Anna Weber", "email": "a.weber@nordwind.example", "language": "en"},
                "japanOwner": {"name": "田中 健", "email": "k.tanaka@nordwind.example.jp", "language": "ja"}}""")
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
