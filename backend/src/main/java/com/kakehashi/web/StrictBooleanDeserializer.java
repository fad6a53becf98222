package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/** Only JSON true and false: "BOGUS" used to be a silent false and 123 a silent true. */
@Singleton
final class StrictBooleanDeserializer implements Deserializer<Boolean> {

    @Override
    public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
        Object value = StrictScalars.read(decoder, type, "must be true or false");
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new RefusedValueException(type, "must be true or false", null);
    }
}
