package io.hoithao.contracts.observations;

import io.hoithao.contracts.IntegrationMessage;

/** What the observations service tells the others, on topic {@code hoithao.observations}. */
public sealed interface ObservationsMessage extends IntegrationMessage
        permits LessonScheduled,
                SeatBooked,
                SeatReleased,
                ObservationFormSubmitted,
                ObserverWaitlisted,
                WaitlistLeft,
                LessonMoved,
                LessonCancelled {
}
