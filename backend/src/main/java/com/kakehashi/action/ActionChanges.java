package com.kakehashi.action;

import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.web.MultiLine;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The whole editable content of an action (engagement and alert stay as created). While PROPOSED or
 * AGREED everything may change, but new owners or signs undo the agreements given so far (the owners
 * agreed to something else); once IN_PROGRESS only title, description and due date.
 */
@Serdeable
public record ActionChanges(@NotBlank @Size(max = 200) String title,
                            @Nullable @MultiLine @Size(max = 4000) String description,
                            @NotNull @Pattern(regexp = "ja|en", message = "must be ja or en") String language,
                            @NotNull @Size(min = 1, max = 9) List<@NotNull WarningSign> signs,
                            @NotNull LocalDate startOn,
                            @NotNull LocalDate dueOn,
                            @NotNull @Valid OwnerDetails hqOwner,
                            @NotNull @Valid OwnerDetails japanOwner) {
}
