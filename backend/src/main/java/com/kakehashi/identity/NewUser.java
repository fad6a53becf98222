package com.kakehashi.identity;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record NewUser(@NotBlank @Email @Size(max = 254) String email,
                      @NotBlank @Size(max = 200) String displayName,
                      @NotNull Role role,
                      @NotBlank @Size(min = 12, max = 200) String password) {
}
