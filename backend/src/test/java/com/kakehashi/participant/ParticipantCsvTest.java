package com.kakehashi.participant;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantCsvTest {

    private static final String JAPANESE = "email,氏名,side,level,言語\nsato@example.jp,佐藤 健,日本,管理職,日本語\n";

    @Test
    void utf8WithBomAndShiftJisDecodeToTheSameText() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = JAPANESE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(ParticipantCsv.decode(withBom)).isEqualTo(JAPANESE);
        assertThat(ParticipantCsv.decode(utf8)).isEqualTo(JAPANESE);
        assertThat(ParticipantCsv.decode(JAPANESE.getBytes(Charset.forName("windows-31j")))).isEqualTo(JAPANESE);
    }

    @Test
    void japaneseHeadersAndValuesAreUnderstood() {
        ParticipantCsv.Parsed result = ParticipantCsv.read(JAPANESE.getBytes(StandardCharsets.UTF_8));

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("佐藤 健");
            assertThat(row.side()).isEqualTo(Side.JAPAN);
            assertThat(row.level()).isEqualTo(Level.MIDDLE_MANAGER);
            assertThat(row.language()).isEqualTo("ja");
            assertThat(row.timeZone()).isEmpty();
        });
    }

    @Test
    void everyBadFieldOfALineIsReportedWithItsLineNumber() {
        String csv = "email,name,side,level,language,time_zone\nok@example.com,Ok,HQ,STAFF,en,Europe/Berlin\n"
                + "not-an-email,,MOON,BOSS,fr,Mars/Base\n";

        ParticipantCsv.Parsed result = ParticipantCsv.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(result.rows()).hasSize(1);
        assertThat(result.errors()).extracting(CsvImportReport.LineError::field)
                .containsExactly("email", "name", "side", "level", "language", "time_zone");
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void aLineWithControlOrBidiCharactersIsReportedAndSkipped() {
        String csv = "email,name,side,level,language,department\nok@example.com,Ok,HQ,STAFF,en,\n"
                + "spoof@example.com,Invoice \u202Efdp.exe,HQ,STAFF,en,\n"
                + "bell@example.com,Bell,HQ,STAFF,en,Sa\u0007les\n"
                + "two@example.com,\"Two\nLines\",HQ,STAFF,en,\n";

        ParticipantCsv.Parsed result = ParticipantCsv.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(result.rows()).extracting(ParticipantCsv.Row::email).containsExactly("ok@example.com");
        assertThat(result.errors()).extracting(CsvImportReport.LineError::line, CsvImportReport.LineError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "name"), org.assertj.core.groups.Tuple.tuple(4L, "department"),
                        org.assertj.core.groups.Tuple.tuple(5L, "name"));
    }

    @Test
    void aFileWithNulCharactersIsRejectedWholeAsNotTextCsv() {
        byte[] utf16 = "email,name,side,level,language\na@x.com,A,HQ,STAFF,en\n".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> ParticipantCsv.read(utf16))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().field()).isEqualTo("file"));
        assertThatThrownBy(() -> ParticipantCsv.read("email,name,side,level,language\na@x.com,A\u0000B,HQ,STAFF,en\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRepeatedEmailIsRejectedOnItsSecondLine() {
        String csv = "email,name,side,level,language\na@x.com,A,HQ,STAFF,en\nA@X.com,A2,HQ,STAFF,en\n";

        ParticipantCsv.Parsed result = ParticipantCsv.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(result.rows()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).isEqualTo("same email as line 2");
        });
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedWhole() {
        assertThatThrownBy(() -> ParticipantCsv.read("mail,name\na@x.com,A\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().field()).isEqualTo("header"));
    }

    @Test
    void bytesThatAreNeitherUtf8NorShiftJisAreRejected() {
        byte[] garbage = {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFE, 0x41};

        assertThatThrownBy(() -> ParticipantCsv.decode(garbage))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid");
    }
}
