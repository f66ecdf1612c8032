package io.hoithao.contracts;

import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.observations.ObservationsMessage;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.contracts.units.UnitsMessage;

/** One Kafka topic per producing service; the record key is always the conference event's id. */
public final class Topics {

    public static final String EVENTS = "hoithao.events";
    public static final String REGISTRATIONS = "hoithao.registrations";
    public static final String OBSERVATIONS = "hoithao.observations";
    public static final String PRESENTATIONS = "hoithao.presentations";
    /** The identity service's requests for mail (verification links); keyed by {@code IdentityMessage.NO_EVENT}. */
    public static final String IDENTITY = "hoithao.identity";
    /** The directory of units (kept by the events service); keyed by {@code UnitsMessage.NO_EVENT}. */
    public static final String UNITS = "hoithao.units";

    /** Suffix of the dead-letter topic a consumer group writes poison messages to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The topic a message of the given class is published on, decided by its producer's sealed interface. */
    public static String of(Class<? extends IntegrationMessage> type) {
        if (EventsMessage.class.isAssignableFrom(type)) {
            return EVENTS;
        }
        if (RegistrationsMessage.class.isAssignableFrom(type)) {
            return REGISTRATIONS;
        }
        if (ObservationsMessage.class.isAssignableFrom(type)) {
            return OBSERVATIONS;
        }
        if (PresentationsMessage.class.isAssignableFrom(type)) {
            return PRESENTATIONS;
        }
        if (IdentityMessage.class.isAssignableFrom(type)) {
            return IDENTITY;
        }
        if (UnitsMessage.class.isAssignableFrom(type)) {
            return UNITS;
        }
        throw new IllegalArgumentException(type.getName() + " belongs to no producer's sealed interface");
    }
}
