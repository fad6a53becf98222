package com.kakehashi.participant;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a participant CSV as people really produce it: UTF-8 with or without a BOM, or Shift_JIS
 * (Windows-31J) as Japanese Excel saves it; English or Japanese column names; values such as
 * "HQ"/"本社" or "ja"/"日本語". A file that cannot be read at all is rejected whole; a bad line is
 * reported and skipped.
 */
final class ParticipantCsv {

    static final int MAX_ROWS = 20_000;
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private static final Map<String, String> HEADER_ALIASES = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("e_mail", "email"), Map.entry("mail", "email"),
            Map.entry("メール", "email"), Map.entry("メールアドレス", "email"),
            Map.entry("name", "name"), Map.entry("display_name", "name"), Map.entry("氏名", "name"), Map.entry("名前", "name"),
            Map.entry("side", "side"), Map.entry("拠点", "side"), Map.entry("所属", "side"),
            Map.entry("level", "level"), Map.entry("階層", "level"), Map.entry("職位", "level"),
            Map.entry("language", "language"), Map.entry("lang", "language"), Map.entry("言語", "language"),
            Map.entry("time_zone", "time_zone"), Map.entry("timezone", "time_zone"), Map.entry("タイムゾーン", "time_zone"),
            Map.entry("department", "department"), Map.entry("部署", "department"), Map.entry("部門", "department"));
    private static final List<String> REQUIRED = List.of("email", "name", "side", "level", "language");

    private static final Map<String, Side> SIDES = Map.of("hq", Side.HQ, "本社", Side.HQ, "japan", Side.JAPAN,
            "日本", Side.JAPAN, "jp", Side.JAPAN, "regional", Side.REGIONAL, "地域", Side.REGIONAL, "地域統括", Side.REGIONAL);
    private static final Map<String, Level> LEVELS = Map.of("executive", Level.EXECUTIVE, "経営層", Level.EXECUTIVE,
            "役員", Level.EXECUTIVE, "middle_manager", Level.MIDDLE_MANAGER, "manager", Level.MIDDLE_MANAGER,
            "管理職", Level.MIDDLE_MANAGER, "中間管理職", Level.MIDDLE_MANAGER, "staff", Level.STAFF, "一般", Level.STAFF,
            "社員", Level.STAFF);
    private static final Map<String, String> LANGUAGES = Map.of("ja", "ja", "japanese", "ja", "日本語", "ja",
            "en", "en", "english", "en", "英語", "en");

    /** A line that passed every check; the time zone is empty when the file leaves it to the default. */
    record Row(long line, String email, String name, Side side, Level level, String language,
               Optional<String> timeZone, Optional<String> department) {
    }

    record Parsed(List<Row> rows, List<CsvImportReport.LineError> errors) {
    }

    private ParticipantCsv() {
    }

    static Parsed read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("file", "The file is empty.");
        }
        String text = decode(body);
        if (text.indexOf('\u0000') >= 0) {
            // A text CSV never holds NUL; UTF-16 ("Unicode text" in Excel) is full of them.
            throw new InvalidInputException("file", "The file contains NUL characters, so it is not a text CSV "
                    + "(perhaps UTF-16). Save it as \"CSV UTF-8\".");
        }
        List<CSVRecord> records;
        Map<String, String> columns;
        LineIndex lines = new LineIndex(text);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setIgnoreHeaderCase(false).get()
                .parse(new StringReader(text))) {
            columns = columns(parser.getHeaderNames());
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "The file is not valid CSV" + where(e.getMessage())
                    + ". Check for a quote that is opened but never closed.");
        }
        if (records.size() > MAX_ROWS) {
            throw new InvalidInputException("file", "The file has more than " + MAX_ROWS + " rows; split it.");
        }
        List<Row> rows = new ArrayList<>();
        List<CsvImportReport.LineError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CSVRecord record : records) {
            long line = lines.lineAt(text, record.getCharacterPosition());
            List<CsvImportReport.LineError> lineErrors = new ArrayList<>();
            Row row = row(record, line, columns, lineErrors);
            if (row != null) {
                Long first = seen.putIfAbsent(row.email(), line);
                if (first != null) {
                    lineErrors.add(new CsvImportReport.LineError(line, "email", "same email as line " + first));
                }
            }
            if (lineErrors.isEmpty()) {
                rows.add(row);
            } else {
                errors.addAll(lineErrors);
            }
        }
        return new Parsed(rows, errors);
    }

    private static Row row(CSVRecord record, long line, Map<String, String> columns, List<CsvImportReport.LineError> errors) {
        if (!record.isConsistent()) {
            errors.add(new CsvImportReport.LineError(line, "line", "has " + record.size() + " columns, the header has more or fewer"));
            return null;
        }
        String email = value(record, columns, "email").toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            errors.add(new CsvImportReport.LineError(line, "email", "is missing"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new CsvImportReport.LineError(line, "email", "is not a valid email address"));
        }
        String name = value(record, columns, "name");
        if (name.isEmpty()) {
            errors.add(new CsvImportReport.LineError(line, "name", "is missing"));
        } else if (name.length() > 200) {
            errors.add(new CsvImportReport.LineError(line, "name", "is longer than 200 characters"));
        }
        Side side = lookup(SIDES, value(record, columns, "side"), "side", "HQ, JAPAN or REGIONAL", line, errors);
        Level level = lookup(LEVELS, value(record, columns, "level"), "level", "EXECUTIVE, MIDDLE_MANAGER or STAFF", line, errors);
        String language = lookup(LANGUAGES, value(record, columns, "language"), "language", "ja or en", line, errors);
        String zone = value(record, columns, "time_zone");
        Optional<String> timeZone = Optional.empty();
        if (!zone.isEmpty()) {
            try {
                timeZone = Optional.of(ZoneId.of(zone).getId());
            } catch (DateTimeException e) {
                errors.add(new CsvImportReport.LineError(line, "time_zone", "is not a time zone such as Asia/Tokyo"));
            }
        }
        String department = value(record, columns, "department");
        if (department.length() > 200) {
            errors.add(new CsvImportReport.LineError(line, "department", "is longer than 200 characters"));
        }
        for (String column : List.of("email", "name", "department", "time_zone")) {
            Text.refusal(value(record, columns, column), false)
                    .ifPresent(reason -> errors.add(new CsvImportReport.LineError(line, column, reason)));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Row(line, email, name, side, level, language, timeZone,
                department.isEmpty() ? Optional.empty() : Optional.of(department));
    }

    private static <T> T lookup(Map<String, T> values, String raw, String field, String expected, long line,
                                List<CsvImportReport.LineError> errors) {
        if (raw.isEmpty()) {
            errors.add(new CsvImportReport.LineError(line, field, "is missing"));
            return null;
        }
        T value = values.get(raw.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        if (value == null) {
            errors.add(new CsvImportReport.LineError(line, field, "must be " + expected));
        }
        return value;
    }

    private static String value(CSVRecord record, Map<String, String> columns, String canonical) {
        String header = columns.get(canonical);
        if (header == null || !record.isSet(header)) {
            return "";
        }
        return record.get(header).strip();
    }

    /** Canonical column name → the header as written in the file. */
    private static Map<String, String> columns(List<String> headers) {
        Map<String, String> columns = new HashMap<>();
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            String key = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            String canonical = HEADER_ALIASES.get(key);
            if (canonical != null) {
                columns.putIfAbsent(canonical, header);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("header", "The first line must name the columns; missing: "
                    + String.join(", ", missing) + ". Expected: email, name, side, level, language, time_zone, department.");
        }
        return columns;
    }

    /** UTF-8 (BOM or not) if the bytes are valid UTF-8, else Windows-31J if valid, else rejected. */
    static String decode(byte[] body) {
        int offset = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(body, offset, body.length - offset);
        Optional<String> utf8 = strictly(StandardCharsets.UTF_8, bytes.duplicate());
        if (utf8.isPresent()) {
            return utf8.get();
        }
        if (offset == 0) {
            Optional<String> sjis = strictly(WINDOWS_31J, bytes.duplicate());
            if (sjis.isPresent()) {
                return sjis.get();
            }
        }
        throw new InvalidInputException("file", "The file's encoding is not UTF-8 or Shift_JIS. Save it as \"CSV UTF-8\".");
    }

    private static Optional<String> strictly(Charset charset, ByteBuffer bytes) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The parser says "(startline N)" or "(line N)"; the user gets only that, never its class names. */
    private static String where(String message) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(message));
        return matcher.find() ? " (from line " + matcher.group(1) + ")" : "";
    }

    /** Maps a character offset to its 1-based line number in the file, so blank lines count too. */
    private static final class LineIndex {
        private final int[] lineStarts;

        LineIndex(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The parser reports where it started reading, which may be blank lines it then skipped. */
        long lineAt(String text, long offset) {
            int start = (int) offset;
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            int index = java.util.Arrays.binarySearch(lineStarts, start);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
