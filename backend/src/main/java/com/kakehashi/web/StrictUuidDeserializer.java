package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Only a JSON string in the canonical 8-4-4-4-12 form (UUID.fromString also takes "1-1-1-1-1"). */
@Singleton
final class StrictUuidDeserializer implements Deserializer<UUID> {

    private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public UUID deserialize(Decoder decoder, DecoderContext context, Argument<? super UUID> type) throws IOException {
        Object value = StrictScalars.read(decoder, type, "must be a UUID");
        if (value == null) {
            return null;
        }
        if (value instanceof String text && CANONICAL.matcher(text).matches()) {
            return UUID.fromString(text);
        }
        throw new RefusedValueException(type, "must be a UUID", null);
    }
}
