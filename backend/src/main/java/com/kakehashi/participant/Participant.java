package com.kakehashi.participant;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.Level;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("participant")
record Participant(@Id UUID id,
                   @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
                   String email,
                   String displayName,
                   Side side,
                   Level level,
                   String language,
                   String timeZone,
                   @Nullable String department,
                   boolean active,
                   Instant createdAt,
                   Instant updatedAt) {

    Participant withDetails(ParticipantDetails details, String zone, Instant now) {
        return new Participant(id, tenantId, details.normalisedEmail(), details.displayName().trim(), details.side(),
                details.level(), details.language(), zone, details.trimmedDepartment(), active, createdAt, now);
    }

    Participant withActive(boolean value, Instant now) {
        return new Participant(id, tenantId, email, displayName, side, level, language, timeZone, department, value,
                createdAt, now);
    }

    boolean sameDetails(Participant other) {
        return email.equals(other.email) && displayName.equals(other.displayName) && side == other.side
                && level == other.level && language.equals(other.language) && timeZone.equals(other.timeZone)
                && java.util.Objects.equals(department, other.department);
    }
}
