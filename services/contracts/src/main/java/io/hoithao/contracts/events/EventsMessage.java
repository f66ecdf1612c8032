package io.hoithao.contracts.events;

import io.hoithao.contracts.IntegrationMessage;

/** What the events service tells the others, on topic {@code hoithao.events}. */
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
                SessionCancelled {
}
