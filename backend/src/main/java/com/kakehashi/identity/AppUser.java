package com.kakehashi.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("app_user")
record AppUser(@Id UUID id,
               String email,
               String displayName,
               Role role,
               @MappedProperty("password_hash") String passwordHash,
               boolean active,
               Instant createdAt) {
}
