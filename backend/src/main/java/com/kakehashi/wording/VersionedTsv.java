package com.kakehashi.wording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The format of the wording feature's word lists (the marker lexicon, the theme lexicon): UTF-8,
 * tab-separated, {@code #} comments and blank lines ignored, one {@code @version<TAB>…} line (the
 * version every figure read with the list carries), then a header row of column names, then one row
 * per entry with exactly the header's number of cells. A malformed file stops the start-up naming
 * its line, rather than analyse comments with a half-read list.
 */
final class VersionedTsv {

    /** One entry row and the file line it came from (for the messages of whoever reads its cells). */
    record Row(int line, List<String> cells) {

        String cell(int index) {
            return cells.get(index);
        }
    }

    record Table(String version, List<Row> rows) {
    }

    private VersionedTsv() {
    }

    /** Reads a class-path resource with {@code columns} cells per row. */
    static Table load(String resource, int columns) {
        try (InputStream in = VersionedTsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list resource missing: " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table parse(BufferedReader reader, String name, int columns) throws IOException {
        String version = null;
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells[0].equals("@version")) {
                version = cells.length > 1 ? cells[1].strip() : "";
                continue;
            }
            if (header) {
                header = false; // the column names
                continue;
            }
            if (cells.length != columns) {
                throw new IllegalStateException(name + " line " + number + ": " + columns + " tab-separated cells expected, got " + cells.length);
            }
            rows.add(new Row(number, List.of(cells)));
        }
        if (version == null || version.isEmpty()) {
            throw new IllegalStateException(name + ": no @version line");
        }
        return new Table(version, rows);
    }
}
