package io.hoithao.events.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.events.event.EventRequests.CreateEvent;
import io.hoithao.events.event.EventRequests.NewOfficial;
import io.hoithao.events.event.EventRequests.NewVenue;
import io.hoithao.events.event.EventRequests.Reschedule;
import io.hoithao.events.event.EventRequests.UpdateEvent;
import io.hoithao.events.session.Session;
import io.hoithao.events.session.SessionStatus;
import io.hoithao.events.unit.UnitHierarchy;
import io.hoithao.platform.status.StatusChange;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The decisions of an event's life, in plain Java: each takes the event as read and the command's facts, and
 * answers what to write and tell ({@link Decision.Change}) or why not ({@link Decision.Refusal}). Every change of
 * status goes through {@link EventStatus#canBecome}. Nothing here reads or writes: {@link EventStore} writes a
 * change, guarded by the version it was decided on.
 */
final class Lifecycle {

    static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

    private Lifecycle() {
    }

    // --- a new event

    /** Why a new event's days, time zone or registration window are not acceptable (in that order), if they are not. */
    static Optional<Decision.Refusal> refuseDraft(CreateEvent request) {
        return refuseDays(request.startDate(), request.endDate())
                .or(() -> refuseZone(request.timeZone()))
                .or(() -> refuseWindow(request.registrationOpensAt(), request.registrationClosesAt()));
    }

    /** A new draft of an acceptable request ({@link #refuseDraft}) for the unit of the directory. */
    static Event draft(CreateEvent request, UnitHierarchy.Known unit, Instant now) {
        List<Venue> venues = request.venues() == null ? List.of() : request.venues().stream().map(Lifecycle::venue).toList();
        return new Event(UUID.randomUUID().toString(), blankToNull(request.programmeId()), request.title().strip(),
                request.description(), request.kind(), request.level(), unit.id(), unit.officialName(),
                request.startDate(), request.endDate(), zone(request.timeZone()), request.capacity(),
                request.registrationOpensAt(), request.registrationClosesAt(), venues, officials(request.officials()),
                List.of(), EventStatus.DRAFT, null, 0,
                searchTerms(request.title(), request.description(), unit.officialName(), venues), now, now);
    }

    // --- details

    /** The programme an update puts the event in: null to take it out (an empty id), or when it names none. */
    static String programmeJoined(UpdateEvent request) {
        return request.programmeId() == null ? null : blankToNull(request.programmeId());
    }

    /**
     * Changes the descriptive details, and moves the event to {@code moveTo} when that is another unit (only by an
     * administrator, {@code admin}, and only before it is published). A later change of programme of a published
     * event is told; a draft's is not (the other services learn the programme from {@code EventPublished}).
     */
    static Decision update(Event event, UpdateEvent request, UnitHierarchy.Known moveTo, boolean admin, Instant now) {
        UnitHierarchy.Known to = moveTo != null && !moveTo.id().equals(event.organiserUnitId()) ? moveTo : null;
        if (to != null && !admin) {
            return new Decision.MoveForbidden(event.id());
        }
        Optional<Decision.Refusal> notEditable = refuseEditing(event);
        if (notEditable.isPresent()) {
            return notEditable.get();
        }
        if (to != null && !event.neverPublished()) {
            // The other services learnt the unit from EventPublished and authorize its organisers by it.
            return new Decision.NotEditable(event.id(), event.status(), Decision.Aspect.UNIT);
        }
        Instant opens = request.registrationOpensAt() != null ? request.registrationOpensAt() : event.registrationOpensAt();
        Instant closes = request.registrationClosesAt() != null ? request.registrationClosesAt() : event.registrationClosesAt();
        Optional<Decision.Refusal> window = refuseWindow(opens, closes);
        if (window.isPresent()) {
            return window.get();
        }
        String title = request.title() != null ? request.title().strip() : event.title();
        String description = request.description() != null ? request.description() : event.description();
        String organiser = to != null ? to.officialName() : event.organiserUnit();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("description", description);
        fields.put("registrationOpensAt", opens);
        fields.put("registrationClosesAt", closes);
        fields.put("searchTerms", searchTerms(title, description, organiser, event.venues()));
        if (to != null) {
            // only a move writes the unit: the name is a copy the directory's renames keep current
            fields.put("organiserUnitId", to.id());
            fields.put("organiserUnit", to.officialName());
        }
        if (request.officials() != null) {
            fields.put("officials", officials(request.officials()));
        }
        String joining = programmeJoined(request);
        if (request.programmeId() != null) {
            fields.put("programmeId", joining);
        }
        boolean programmeChanged = request.programmeId() != null && !event.neverPublished()
                && !Objects.equals(event.programmeId(), joining);
        return change(event, null, fields, Map.of(), programmeChanged
                ? List.of(new EventProgrammeChanged(UUID.randomUUID(), now, event.id(), joining, event.version() + 1))
                : List.of(), null);
    }

    /** A venue more, up to {@link EventLimits#VENUES}; the search terms take its name and address. */
    static Decision addVenue(Event event, NewVenue request) {
        Optional<Decision.Refusal> notEditable = refuseEditing(event);
        if (notEditable.isPresent()) {
            return notEditable.get();
        }
        if (event.venues().size() >= EventLimits.VENUES) {
            return new Decision.TooManyVenues(event.id(), event.venues().size());
        }
        Venue venue = venue(request);
        List<Venue> venues = new ArrayList<>(event.venues());
        venues.add(venue);
        return change(event, null, Map.of("searchTerms", searchTerms(event.title(), event.description(),
                event.organiserUnit(), venues)), Map.of("venues", venue), List.of(), venue.id());
    }

    static Decision changeCapacity(Event event, int capacity, Instant now) {
        Optional<Decision.Refusal> notEditable = refuseEditing(event);
        if (notEditable.isPresent()) {
            return notEditable.get();
        }
        return change(event, null, Map.of("capacity", capacity), Map.of(),
                List.of(new CapacityChanged(UUID.randomUUID(), now, event.id(), capacity, event.capacity(),
                        event.version() + 1)), null);
    }

    /**
     * Moves the event to other days (or another time zone). Sessions keep their offset from the first day and their
     * local times, each one that moves is told with its own message; a scheduled session that would fall after the
     * new last day refuses the reschedule, naming it, rather than vanish silently. The days themselves are checked
     * before ({@link #refuseDays}).
     */
    static Decision reschedule(Event event, Reschedule request, Instant now) {
        if (!event.status().reschedulable()) {
            return new Decision.NotEditable(event.id(), event.status(), Decision.Aspect.DAYS);
        }
        String zone;
        if (request.timeZone() == null || request.timeZone().isBlank()) {
            zone = event.timeZone();
        } else {
            Optional<Decision.Refusal> badZone = refuseZone(request.timeZone());
            if (badZone.isPresent()) {
                return badZone.get();
            }
            zone = zone(request.timeZone());
        }
        long shift = ChronoUnit.DAYS.between(event.startDate(), request.startDate());
        List<Session> moved = event.sessions().stream().map(s -> s.onDate(s.date().plusDays(shift))).toList();
        List<Session> stranded = moved.stream()
                .filter(s -> s.status() == SessionStatus.SCHEDULED && s.date().isAfter(request.endDate()))
                .toList();
        if (!stranded.isEmpty()) {
            return new Decision.SessionsOutside(request.endDate(), stranded);
        }
        long revision = event.version() + 1;
        List<IntegrationMessage> messages = new ArrayList<>();
        messages.add(new EventRescheduled(UUID.randomUUID(), now, event.id(), request.startDate(), request.endDate(),
                zone, revision));
        ZoneId oldZone = event.zone();
        ZoneId newZone = ZoneId.of(zone);
        for (int i = 0; i < moved.size(); i++) {
            Session before = event.sessions().get(i);
            Session after = moved.get(i);
            boolean changed = !before.startsAt(oldZone).equals(after.startsAt(newZone))
                    || !before.endsAt(oldZone).equals(after.endsAt(newZone));
            if (after.status() == SessionStatus.SCHEDULED && changed) {
                Venue venue = event.venue(after.venueId()).orElseThrow();
                messages.add(new SessionMoved(UUID.randomUUID(), now, event.id(), after.id(), venue.name(),
                        after.startsAt(newZone), after.endsAt(newZone), revision));
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("startDate", request.startDate());
        fields.put("endDate", request.endDate());
        fields.put("timeZone", zone);
        fields.put("sessions", moved);
        return change(event, null, fields, Map.of(), messages, null);
    }

    // --- the lifecycle

    /**
     * Publishing tells the other services the organising unit's id in the directory (who manages the event there)
     * and its current official name.
     */
    static Decision publish(Event event, Instant now) {
        if (!event.status().canBecome(EventStatus.PUBLISHED)) {
            return refuse(event, EventStatus.PUBLISHED);
        }
        return transition(event, EventStatus.PUBLISHED, Map.of(), new EventPublished(UUID.randomUUID(), now, event.id(),
                event.title(), event.kind().name(), event.level().name(), event.organiserUnit(), event.startDate(),
                event.endDate(), event.timeZone(), event.capacity(), event.organiserUnitId(), event.programmeId()));
    }

    /** A closing time in the past is refused before the event is read. */
    static Optional<Decision.Refusal> refuseClosing(Instant requestedClosesAt, Instant now) {
        return requestedClosesAt != null && !requestedClosesAt.isAfter(now)
                ? Optional.of(new Decision.InvalidField("closesAt", "must be in the future"))
                : Optional.empty();
    }

    /**
     * Opens registration until {@link #closesAt}, {@code requestedAt} being when the command was asked (what "the
     * window is still ahead" compares with) and {@code now} the message's time.
     */
    static Decision openRegistration(Event event, Instant requestedClosesAt, Instant requestedAt, Instant now) {
        if (!event.status().canBecome(EventStatus.REGISTRATION_OPEN)) {
            return refuse(event, EventStatus.REGISTRATION_OPEN);
        }
        Instant closesAt = closesAt(event, requestedClosesAt, requestedAt);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("registrationClosesAt", closesAt);
        return transition(event, EventStatus.REGISTRATION_OPEN, fields,
                new RegistrationOpened(UUID.randomUUID(), now, event.id(), event.title(), event.capacity(), closesAt));
    }

    static Decision closeRegistration(Event event, Instant now) {
        if (!event.status().canBecome(EventStatus.REGISTRATION_CLOSED)) {
            return refuse(event, EventStatus.REGISTRATION_CLOSED);
        }
        return transition(event, EventStatus.REGISTRATION_CLOSED, Map.of(),
                new RegistrationClosed(UUID.randomUUID(), now, event.id()));
    }

    static Decision start(Event event, Instant now) {
        if (!event.status().canBecome(EventStatus.IN_PROGRESS)) {
            return refuse(event, EventStatus.IN_PROGRESS);
        }
        return transition(event, EventStatus.IN_PROGRESS, Map.of(), new EventStarted(UUID.randomUUID(), now, event.id()));
    }

    static Decision complete(Event event, Instant now) {
        if (!event.status().canBecome(EventStatus.COMPLETED)) {
            return refuse(event, EventStatus.COMPLETED);
        }
        return transition(event, EventStatus.COMPLETED, Map.of(), new EventCompleted(UUID.randomUUID(), now, event.id()));
    }

    /** Cancellation keeps the status it was cancelled from: a draft cancelled was never public. */
    static Decision cancel(Event event, String reason, Instant now) {
        if (!event.status().canBecome(EventStatus.CANCELLED)) {
            return refuse(event, EventStatus.CANCELLED);
        }
        return transition(event, EventStatus.CANCELLED, Map.of("cancelledFrom", event.status()),
                new EventCancelled(UUID.randomUUID(), now, event.id(), reason));
    }

    /** A requested closing time wins; else the event's window if it is still ahead; else open until closed by hand. */
    static Instant closesAt(Event event, Instant requested, Instant now) {
        if (requested != null) {
            return requested;
        }
        Instant planned = event.registrationClosesAt();
        return planned != null && planned.isAfter(now) ? planned : null;
    }

    // --- the rules a command's facts are checked by

    /** The programme (sessions, venues, capacity, details) changes only while the event is not over or cancelled. */
    static Optional<Decision.Refusal> refuseEditing(Event event) {
        return event.status().editable() ? Optional.empty()
                : Optional.of(new Decision.NotEditable(event.id(), event.status(), Decision.Aspect.PROGRAMME));
    }

    /**
     * The days of an event run from the first to the last, at most {@link EventLimits#DAYS} of them: the public
     * programme and the other services' seat and check-in reads walk them one by one.
     */
    static Optional<Decision.Refusal> refuseDays(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return Optional.of(new Decision.InvalidField("endDate", "must not be before startDate"));
        }
        if (ChronoUnit.DAYS.between(first, last) >= EventLimits.DAYS) {
            return Optional.of(new Decision.InvalidField("endDate", "must be at most " + (EventLimits.DAYS - 1)
                    + " days after startDate (an event lasts at most " + EventLimits.DAYS + " days); was "
                    + first + " to " + last));
        }
        return Optional.empty();
    }

    static Optional<Decision.Refusal> refuseWindow(Instant opens, Instant closes) {
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            return Optional.of(new Decision.InvalidField("registrationClosesAt", "must be after registrationOpensAt"));
        }
        return Optional.empty();
    }

    static Optional<Decision.Refusal> refuseZone(String requested) {
        try {
            ZoneId.of(zone(requested));
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of(new Decision.InvalidField("timeZone", "must be a time zone id such as " + DEFAULT_ZONE));
        }
    }

    /** The zone asked for, or the default when none is named (checked by {@link #refuseZone}). */
    private static String zone(String requested) {
        return requested == null || requested.isBlank() ? DEFAULT_ZONE : requested.strip();
    }

    static List<String> searchTerms(String title, String description, String organiser, List<Venue> venues) {
        List<String> texts = new ArrayList<>(List.of(title, description == null ? "" : description, organiser));
        venues.forEach(v -> {
            texts.add(v.name());
            texts.add(v.address());
        });
        return SearchText.terms(texts.toArray(String[]::new));
    }

    private static Decision.Refusal refuse(Event event, EventStatus target) {
        return new Decision.InvalidTransition(event.id(), event.status(), target);
    }

    private static Decision.Change transition(Event event, EventStatus target, Map<String, Object> fields,
                                              IntegrationMessage message) {
        return change(event, target, fields, Map.of(), List.of(message), null);
    }

    private static Decision.Change change(Event event, EventStatus to, Map<String, Object> fields,
                                          Map<String, Object> appended, List<IntegrationMessage> messages, String subjectId) {
        return new Decision.Change(new StatusChange<>(event.status(), to, fields, appended, messages), subjectId);
    }

    private static Venue venue(NewVenue request) {
        return new Venue(UUID.randomUUID().toString(), request.name().strip(), request.kind(), request.address(),
                request.classrooms() == null ? List.of() : request.classrooms().stream().map(String::strip).distinct().toList());
    }

    private static List<Official> officials(List<NewOfficial> requests) {
        return requests == null ? List.of()
                : requests.stream().map(o -> new Official(o.name().strip(), o.position(), o.unit(), o.role())).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
