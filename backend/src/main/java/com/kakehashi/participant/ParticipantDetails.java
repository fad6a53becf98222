package com.kakehashi.participant;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.Level;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** What a person entering or editing a participant provides; the time zone defaults by side. */
@Serdeable
@Schema(example = """
                {"email": "k.tanaka@nordwind.example.jp", "displayName": "田中 健", "side": "JAPAN",
                "level": "MIDDLE_MANAGER", "language": "ja", "timeZone": "Asia/Tokyo", "department": "営業本部"}""")
public record ParticipantDetails(@NotBlank @Email @Size(max = 254) String email,
                                 @NotBlank @Size(max = 200) String displayName,
                                 @NotNull Side side,
                                 @NotNull Level level,
                                 @NotNull @Pattern(regexp = "ja|en", message = "must be ja or en") String language,
                                 @Nullable @Size(max = 64) String timeZone,
                                 @Nullable @Size(max = 200) String department) {

    String normalisedEmail() {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    String trimmedDepartment() {
        return department == null || department.isBlank() ? null : department.trim();
    }
}
