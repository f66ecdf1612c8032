package io.hoithao.documents;

import java.time.LocalDate;
import java.util.List;

/** One certificate of attendance: the delegate, her unit, her confirmation code and the days she was checked in. */
public record Certificate(String fullName, String unit, String confirmationCode, List<LocalDate> daysAttended) {

    public Certificate {
        daysAttended = daysAttended == null ? List.of() : List.copyOf(daysAttended);
    }
}
