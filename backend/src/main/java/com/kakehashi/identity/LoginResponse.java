package com.kakehashi.identity;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record LoginResponse(String accessToken, String tokenType, long expiresIn) {
}
