package io.hoithao.contracts.presentations;

import io.hoithao.contracts.IntegrationMessage;

/** What the presentations service tells the others, on topic {@code hoithao.presentations}. */
public sealed interface PresentationsMessage extends IntegrationMessage
        permits PaperSubmitted,
                PaperAccepted,
                PaperRejected,
                PaperScheduled,
                PaperWithdrawn,
                PaperUnscheduled,
                PaperRevisionRequested,
                PaperRevised {
}
