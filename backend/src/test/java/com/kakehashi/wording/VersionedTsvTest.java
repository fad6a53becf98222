package com.kakehashi.wording;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionedTsvTest {

    private static VersionedTsv.Table parse(String text, int columns) throws Exception {
        return VersionedTsv.parse(new BufferedReader(new StringReader(text)), "list.tsv", columns);
    }

    @Test
    void readsTheVersionAndTheRowsAfterTheHeaderSkippingCommentsAndBlankLines() throws Exception {
        VersionedTsv.Table table = parse("# a comment\n@version\tv7\n\nja\ten\n検討\tconsider\n# more\n懸念\tconcern\n", 2);

        assertThat(table.version()).isEqualTo("v7");
        assertThat(table.rows()).extracting(VersionedTsv.Row::cells)
                .containsExactly(List.of("検討", "consider"), List.of("懸念", "concern"));
        assertThat(table.rows()).extracting(VersionedTsv.Row::line).containsExactly(5, 7);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsStopsNamingItsLine() {
        assertThatThrownBy(() -> parse("@version\tv1\nja\ten\n検討\n", 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("list.tsv line 3: 2 tab-separated cells expected, got 1");
    }

    @Test
    void aListWithoutAVersionIsRefused() {
        assertThatThrownBy(() -> parse("ja\ten\n検討\tconsider\n", 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("list.tsv: no @version line");
    }

    @Test
    void theShippedListsLoad() {
        assertThat(VersionedTsv.load(Lexicon.RESOURCE, 7).rows()).hasSizeGreaterThan(100);
        assertThat(VersionedTsv.load(ThemeLexicon.RESOURCE, 3).version()).isNotBlank();
    }
}
