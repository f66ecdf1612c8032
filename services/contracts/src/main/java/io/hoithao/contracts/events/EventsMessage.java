package io.hoithao.contracts.events;

import io.hoithao.contracts.IntegrationMessage;

/**
 * What the events service tells the others, on topic {@code hoithao.events}. Programmes (chuyên đề) are kept
 * by the events service too: their messages concern no one event, so their {@code eventId} (the record key)
 * is {@link #NO_EVENT} and they all land on one partition, in order.
 */
public sealed interface EventsMessage extends IntegrationMessage
        permits EventPublished,
                RegistrationOpened,
                EventRescheduled,
                EventCancelled,
                EventCompleted,
                RegistrationClosed,
                EventStarted,
                CapacityChanged,
                SessionScheduled,
                SessionMoved,
                SessionCancelled,
                EventProgrammeChanged,
                ProgrammeCreated,
                ProgrammePhaseAdded {

    /** The {@code eventId} of the programmes' messages. */
    String NO_EVENT = "-";
}
