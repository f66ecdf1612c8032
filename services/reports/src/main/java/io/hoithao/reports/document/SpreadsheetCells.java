package io.hoithao.reports.document;

import java.util.regex.Pattern;

/**
 * Text for a spreadsheet cell that a program must never run. A cell starting with {@code = + - @} (or a tab or
 * carriage return, or the full-width forms {@code ＝ ＋ － ＠}) is read as a formula by spreadsheet programs when
 * the sheet is re-typed, exported to CSV or pasted; such text gets a leading apostrophe, so it stays text. A plain
 * signed number ({@code -3}, {@code +14}, the model sites' change) is left alone: it reads as that number, nothing runs.
 */
public final class SpreadsheetCells {

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("[-+]\\d+([.,]\\d+)?");

    private SpreadsheetCells() {
    }

    public static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        String start = value.stripLeading();
        boolean formula = !start.isEmpty() && TRIGGERS.indexOf(start.charAt(0)) >= 0 || TRIGGERS.indexOf(value.charAt(0)) >= 0;
        return formula && !NEGATIVE_NUMBER.matcher(value).matches() ? "'" + value : value;
    }
}
