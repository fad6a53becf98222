package com.kakehashi.register;

import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.web.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new register item with its first version, which both sides then agree or disagree to. */
@Serdeable
@Schema(example = """
                {"title": "Discount ceiling for Japanese distributors", "area": "PRICING", "signs": [],
                "classification": "ADAPTABLE", "rationale": "Japan may go up to 12% without HQ approval."}""")
public record NewRegisterItem(@NotBlank @Size(max = 200) String title,
                              @NotNull RegisterArea area,
                              @Nullable @Size(max = 9) List<WarningSign> signs,
                              @NotNull Classification classification,
                              @NotBlank @MultiLine @Size(max = 4000) String rationale) {
}
