package io.hoithao.documents;

import java.time.LocalDate;
import java.util.Set;

/** One confirmed delegate of the attendance sheet, with the days she was checked in. */
public record AttendanceRow(String fullName, String unit, String category, String position, Set<LocalDate> checkIns) {

    public AttendanceRow {
        checkIns = checkIns == null ? Set.of() : Set.copyOf(checkIns);
    }
}
