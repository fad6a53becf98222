package com.kakehashi.survey;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The global default instrument (read-only), as seeded from docs/measurement.md. */
@Serdeable
public record DefaultInstrumentView(int defaultVersion, String name, String commentPromptEn, String commentPromptJa,
                                    List<SignView> signs, List<InstrumentItemView> items) {
}
