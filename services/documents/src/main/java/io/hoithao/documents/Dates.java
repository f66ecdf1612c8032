package io.hoithao.documents;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Dates and times as Vietnamese documents write them: 12/03/2026, Thứ Năm, 08:00. */
final class Dates {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Dates() {
    }

    static String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    static String time(LocalTime time) {
        return time == null ? "" : time.format(TIME);
    }

    static String weekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case MONDAY -> "Thứ Hai";
            case TUESDAY -> "Thứ Ba";
            case WEDNESDAY -> "Thứ Tư";
            case THURSDAY -> "Thứ Năm";
            case FRIDAY -> "Thứ Sáu";
            case SATURDAY -> "Thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }

    /** "ngày 12/03/2026" or "từ ngày 12/03/2026 đến ngày 13/03/2026"; empty when the days are unknown. */
    static String span(EventHeading event) {
        if (event.firstDay() == null) {
            return "";
        }
        if (event.lastDay() == null || event.lastDay().equals(event.firstDay())) {
            return "ngày " + day(event.firstDay());
        }
        return "từ ngày " + day(event.firstDay()) + " đến ngày " + day(event.lastDay());
    }
}
