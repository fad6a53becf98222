package com.kakehashi.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/** Only a finite JSON number: not "12", not true. */
@Singleton
final class StrictDoubleDeserializer implements Deserializer<Double> {

    @Override
    public Double deserialize(Decoder decoder, DecoderContext context, Argument<? super Double> type) throws IOException {
        Object value = StrictScalars.read(decoder, type, "must be a number");
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw new RefusedValueException(type, "must be a number", null);
    }
}
