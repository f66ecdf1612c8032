package io.hoithao.documents;

import java.util.regex.Pattern;

/**
 * Text for a spreadsheet cell that a person typed somewhere (a name, a unit): a value a spreadsheet program
 * would read as a formula once someone edits the cell or saves the sheet as CSV ({@code = + - @}, or a tab or
 * carriage return before one; also the full-width forms some input methods type) gets a leading apostrophe,
 * the same rule as the registrations service's CSV export. A plain negative number is left alone.
 */
final class Cells {

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+([.,]\\d+)?");

    private Cells() {
    }

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
