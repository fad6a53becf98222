package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

/**
 * The global, read-only default instrument (tables default_instrument and default_instrument_item,
 * seeded by the 0006 changeset from docs/measurement.md). The newest default version is served.
 */
@Singleton
class DefaultInstrument {

    private final JdbcOperations jdbc;

    DefaultInstrument(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    DefaultInstrumentView latest() {
        return jdbc.prepareStatement("SELECT default_version, name, comment_prompt_en, comment_prompt_ja "
                + "FROM default_instrument ORDER BY default_version DESC LIMIT 1", ps -> {
            int version;
            String name;
            String promptEn;
            String promptJa;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no default instrument: is changeset 0006 applied?");
                }
                version = rs.getInt(1);
                name = rs.getString(2);
                promptEn = rs.getString(3);
                promptJa = rs.getString(4);
            }
            List<InstrumentItemView> items = jdbc.prepareStatement("SELECT position, code, sign, audience, reverse_keyed, "
                    + "text_hq_en, text_hq_ja, text_japan_en, text_japan_ja, scale FROM default_instrument_item "
                    + "WHERE default_version = ? ORDER BY position", items_ -> {
                items_.setInt(1, version);
                return InstrumentItems.read(items_);
            });
            List<SignView> signs = Arrays.stream(WarningSign.values()).map(SignView::of).toList();
            return new DefaultInstrumentView(version, name, promptEn, promptJa, signs, items);
        });
    }
}
