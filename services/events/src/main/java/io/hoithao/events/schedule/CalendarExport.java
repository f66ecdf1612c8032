package io.hoithao.events.schedule;

import io.hoithao.events.event.Event;
import io.hoithao.events.event.Venue;
import io.hoithao.events.session.Session;
import io.hoithao.events.session.SessionStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.stereotype.Component;

/**
 * The programme as iCalendar: one VEVENT per session in the event's time zone (with its VTIMEZONE),
 * UID fixed per session so a moved session updates the entry a calendar already has (its SEQUENCE
 * rises), and a cancelled session stays as STATUS:CANCELLED so calendars remove it.
 */
@Component
class CalendarExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    String render(Event event) {
        ZoneId zone = event.zone();
        Calendar calendar = new Calendar()
                .add(new ProdId("-//hoithao//events//VI"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", event.title()))
                .add(new XProperty("X-WR-TIMEZONE", event.timeZone()));
        net.fortuna.ical4j.model.TimeZone timeZone = zones.getTimeZone(event.timeZone());
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        }
        List<Session> sessions = new ArrayList<>(event.sessions());
        sessions.sort(Comparator.comparing(Session::date).thenComparing(Session::start).thenComparing(Session::id));
        for (Session session : sessions) {
            calendar.add(vevent(event, session, zone));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("could not write the calendar of event " + event.id(), e);
        }
        return out.toString();
    }

    private static VEvent vevent(Event event, Session session, ZoneId zone) {
        VEvent vevent = new VEvent(session.date().atTime(session.start()).atZone(zone),
                session.date().atTime(session.end()).atZone(zone), session.title());
        vevent.add(new Uid(session.id() + "@events.hoithao.io"));
        vevent.add(new DtStamp(event.updatedAt()));
        vevent.add(new Sequence(session.sequence()));
        event.venue(session.venueId()).map(venue -> location(venue, session)).ifPresent(l -> vevent.add(new Location(l)));
        vevent.add(new Description(description(event, session)));
        vevent.add(session.status() == SessionStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return vevent;
    }

    private static String location(Venue venue, Session session) {
        return session.classroom() == null ? venue.location() : session.classroom() + ", " + venue.location();
    }

    private static String description(Event event, Session session) {
        StringBuilder text = new StringBuilder(event.title()).append(" – ").append(session.date().format(DAY));
        if (session.chair() != null) {
            text.append("\nChủ trì: ").append(session.chair());
        }
        if (!session.speakers().isEmpty()) {
            text.append("\nBáo cáo: ").append(String.join(", ", session.speakers()));
        }
        if (session.description() != null && !session.description().isBlank()) {
            text.append("\n").append(session.description());
        }
        return text.toString();
    }
}
