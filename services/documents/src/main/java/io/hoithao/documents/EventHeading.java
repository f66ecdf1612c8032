package io.hoithao.documents;

import java.time.LocalDate;

/**
 * What every document of an event names at its top: the event's title, the unit that organises it and its
 * first and last day ({@code lastDay} may equal {@code firstDay}; either may be null while unknown).
 */
public record EventHeading(String title, String organiserUnit, LocalDate firstDay, LocalDate lastDay) {
}
