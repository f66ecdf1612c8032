package io.hoithao.registrations.checkin;

import java.util.regex.Pattern;

/**
 * Text for a cell of a CSV file that people open in a spreadsheet program. Such a program runs a cell that
 * starts with {@code = + - @} (or a tab or carriage return before one) as a formula: a unit named
 * {@code =HYPERLINK("http://…","Bấm vào đây")} would become a live link, or worse, on an organiser's machine.
 * Such a cell gets a leading apostrophe, so it reads as text; the full-width forms some input methods type
 * ({@code ＝ ＋ － ＠}) are treated alike. A plain negative number ({@code -12}, {@code -3.5}, {@code -1,5})
 * is left alone: the program reads it as that number, and nothing runs.
 */
final class SpreadsheetCells {

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+([.,]\\d+)?");

    private SpreadsheetCells() {
    }

    /** The value as inert text: unchanged unless a spreadsheet program would read it as a formula. */
    static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        // leading spaces do not stop some programs from reading what follows as a formula
        String start = value.stripLeading();
        boolean formula = !start.isEmpty() && TRIGGERS.indexOf(start.charAt(0)) >= 0
                || TRIGGERS.indexOf(value.charAt(0)) >= 0;
        return formula && !NEGATIVE_NUMBER.matcher(value).matches() ? "'" + value : value;
    }
}
