package com.kakehashi.action;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.InvalidFormatException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.UUID;

/**
 * Reads an owner so that a problem names it: serde's own object decoder refuses a number, text or
 * list where an owner belongs without saying which property (the problem would name the body).
 * The owner's properties go through the strict deserializers like every other value.
 */
@Singleton
final class OwnerDetailsDeserializer implements Deserializer<OwnerDetails> {

    private static final String EXPECTED =
            "must be an object: {\"userId\"} for a console user, or {\"name\", \"email\", \"language\"} for a named person";
    private static final Argument<UUID> USER_ID = Argument.of(UUID.class, "userId");
    private static final Argument<String> NAME = Argument.of(String.class, "name");
    private static final Argument<String> EMAIL = Argument.of(String.class, "email");
    private static final Argument<String> LANGUAGE = Argument.of(String.class, "language");

    @Override
    public OwnerDetails deserialize(Decoder decoder, DecoderContext context, Argument<? super OwnerDetails> type) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        Decoder object;
        try {
            object = decoder.decodeObject(type);
        } catch (IOException e) {
            throw new InvalidPropertyFormatException(new InvalidFormatException(EXPECTED, e, null), type);
        }
        UUID userId = null;
        String name = null;
        String email = null;
        String language = null;
        String key;
        while ((key = object.decodeKey()) != null) {
            switch (key) {
                case "userId" -> userId = read(object, context, USER_ID);
                case "name" -> name = read(object, context, NAME);
                case "email" -> email = read(object, context, EMAIL);
                case "language" -> language = read(object, context, LANGUAGE);
                default -> object.skipValue();
            }
        }
        object.finishStructure();
        return new OwnerDetails(userId, name, email, language);
    }

    private static <T> T read(Decoder decoder, DecoderContext context, Argument<T> property) throws IOException {
        return context.findDeserializer(property).createSpecific(context, property).deserialize(decoder, context, property);
    }
}
