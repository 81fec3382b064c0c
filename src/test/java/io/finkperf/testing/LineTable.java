package io.finkperf.testing;

import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineStat;
import java.util.List;

/**
 * Line-profile rows written as a table, one row a line: {@code line | hits | ns | source}, numbers
 * may carry {@code _}. The source is everything after the third bar and its one space, so it keeps
 * its indentation and any bars of its own.
 */
public final class LineTable {

    private LineTable() {
    }

    /** A function whose first line is the table's first row. */
    public static FunctionProfile function(String file, String name, long totalNs, String table) {
        List<LineStat> rows = rows(table);
        return new FunctionProfile(file, name, rows.get(0).line(), totalNs, rows);
    }

    public static List<LineStat> rows(String table) {
        return table.lines().filter(l -> !l.isBlank()).map(LineTable::row).toList();
    }

    private static LineStat row(String text) {
        String[] cells = text.split("\\|", 4);
        if (cells.length < 4) {
            throw new IllegalArgumentException("not 'line | hits | ns | source': " + text);
        }
        String source = cells[3].startsWith(" ") ? cells[3].substring(1) : cells[3];
        return new LineStat((int) number(cells[0]), number(cells[1]), number(cells[2]), source);
    }

    private static long number(String cell) {
        return Long.parseLong(cell.strip().replace("_", ""));
    }
}
