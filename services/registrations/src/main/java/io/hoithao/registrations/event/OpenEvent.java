package io.hoithao.registrations.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of an event, learnt from the events service's messages, plus the organiser's
 * seat policy (unit quotas, approval mode). {@code seatHolders} lists the registrations holding a confirmed
 * seat and {@code unitHolders} the same ids per unit key; a seat is taken by one conditional update that
 * adds to both only while the event and the unit are below capacity and quota.
 *
 * <p>{@code organiserUnitId} is the unit that runs the event, from {@code EventPublished} ({@code organiserUnit} its
 * name as published, for display): its organisers (and
 * administrators) manage the event here. It is null while the event has not been published to this service,
 * and then only an administrator manages it.
 *
 * <p>Days are kept as ISO strings ({@code firstDay}, {@code lastDay}) rather than {@link LocalDate}, which
 * the driver would store as a midnight instant in the JVM's zone.
 */
@Document("registration_events")
public record OpenEvent(
        @Id String id,
        String title,
        int capacity,
        boolean registrationOpen,
        Instant closesAt,
        boolean cancelled,
        boolean completed,
        List<String> seatHolders,
        Map<String, List<String>> unitHolders,
        Map<String, Integer> quotas,
        Map<String, String> quotaUnits,
        boolean approvalRequired,
        String firstDay,
        String lastDay,
        String timeZone,
        String organiserUnit,
        String organiserUnitId) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public int confirmed() {
        return seatHolders == null ? 0 : seatHolders.size();
    }

    public int confirmed(String unitId) {
        List<String> holders = unitHolders == null ? null : unitHolders.get(unitId);
        return holders == null ? 0 : holders.size();
    }

    /** The quota of a unit, or null when the unit is limited only by the event's capacity. */
    public Integer quota(String unitId) {
        return quotas == null ? null : quotas.get(unitId);
    }

    public boolean overCapacity() {
        return confirmed() > capacity;
    }

    public boolean acceptsRegistrations(Instant now) {
        return registrationOpen && !cancelled && !completed && (closesAt == null || now.isBefore(closesAt));
    }

    public ZoneId zone() {
        return timeZone == null ? DEFAULT_ZONE : ZoneId.of(timeZone);
    }

    /**
     * The events service refuses an event longer than this; the days that arrive in its messages are walked
     * by every seats read and check-in, so this service does not trust them to be shorter.
     */
    public static final int MAX_DAYS = 31;

    /** The event's days, first to last (at most {@link #MAX_DAYS}); empty while the event's schedule is unknown here. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        if (firstDay != null && lastDay != null) {
            LocalDate first = LocalDate.parse(firstDay);
            long count = Math.min(ChronoUnit.DAYS.between(first, LocalDate.parse(lastDay)) + 1, MAX_DAYS);
            for (long offset = 0; offset < count; offset++) {
                days.add(first.plusDays(offset));
            }
        }
        return days;
    }
}
