package io.hoithao.documents;

import java.util.regex.Pattern;

/**
 * Text for a spreadsheet cell (XLSX or CSV) that a person typed somewhere: a name, a unit, a title. A spreadsheet
 * program runs a cell that starts with {@code = + - @} (or a tab or carriage return before one) as a formula once
 * someone edits the cell, saves the sheet as CSV or opens the CSV: a unit named
 * {@code =HYPERLINK("http://…","Bấm vào đây")} would become a live link, or worse, on an organiser's machine.
 * Such a cell gets a leading apostrophe, so it reads as text; the full-width forms some input methods type
 * ({@code ＝ ＋ － ＠}) are treated alike, and so are leading spaces before a trigger. The one rule of the
 * services' documents and exports.
 */
public final class Cells {

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+([.,]\\d+)?");
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[-+]\\d+([.,]\\d+)?");

    private Cells() {
    }

    /**
     * The value as inert text: unchanged unless a spreadsheet program would read it as a formula. A plain
     * negative number ({@code -12}, {@code -3.5}, {@code -1,5}) is left alone: it reads as that number and
     * nothing runs. {@code null} stays {@code null}.
     */
    public static String inert(String value) {
        return inert(value, NEGATIVE_NUMBER);
    }

    /**
     * As {@link #inert(String)}, and a plain positive number with its sign ({@code +14}, a change from one
     * period to the next) is left alone too; {@code null} becomes the empty text.
     */
    public static String inertSigned(String value) {
        return value == null ? "" : inert(value, SIGNED_NUMBER);
    }

    private static String inert(String value, Pattern number) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        // leading spaces do not stop some programs from reading what follows as a formula
        String start = value.stripLeading();
        boolean formula = !start.isEmpty() && TRIGGERS.indexOf(start.charAt(0)) >= 0
                || TRIGGERS.indexOf(value.charAt(0)) >= 0;
        return formula && !number.matcher(value).matches() ? "'" + value : value;
    }
}
