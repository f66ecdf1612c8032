package io.hoithao.events.schedule;

import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.ObservationFormSubmitted;
import io.hoithao.contracts.observations.ObservationsMessage;
import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperRevised;
import io.hoithao.contracts.presentations.PaperRevisionRequested;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.events.session.LessonPlacements;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumers of the other services' topics, bound in application.yml; all feed the programme view, and lessons
 * their sessions. Submissions, check-ins, observation forms and the like do not show in the programme.
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeMessages {

    @Bean
    Consumer<Message<byte[]>> registrationsMessages(ProgrammeProjections projections) {
        return MessageDispatch.of(RegistrationsMessage.class)
                .on(RegistrationWaitlisted.class, projections::waitlisted)
                .on(RegistrationConfirmed.class, projections::confirmed)
                .on(RegistrationPromoted.class, projections::promoted)
                .on(RegistrationCancelled.class, projections::cancelled)
                .ignore(RegistrationPendingApproval.class, RegistrationRejected.class, DelegateCheckedIn.class)
                .consumer();
    }

    @Bean
    Consumer<Message<byte[]>> observationsMessages(ProgrammeProjections projections, LessonPlacements placements) {
        return MessageDispatch.of(ObservationsMessage.class)
                .on(LessonScheduled.class, m -> projections.lessonScheduled(m).then(placements.follow(m)))
                .on(SeatBooked.class, projections::seatBooked)
                .on(SeatReleased.class, projections::seatReleased)
                .on(LessonMoved.class, projections::lessonMoved)
                .on(LessonCancelled.class, projections::lessonCancelled)
                .ignore(ObserverWaitlisted.class, WaitlistLeft.class, ObservationFormSubmitted.class)
                .consumer();
    }

    @Bean
    Consumer<Message<byte[]>> presentationsMessages(ProgrammeProjections projections) {
        return MessageDispatch.of(PresentationsMessage.class)
                .on(PaperAccepted.class, projections::paperAccepted)
                .on(PaperScheduled.class, projections::paperScheduled)
                .on(PaperUnscheduled.class, projections::paperUnscheduled)
                .on(PaperRejected.class, projections::paperRejected)
                .on(PaperWithdrawn.class, projections::paperWithdrawn)
                .ignore(PaperSubmitted.class, PaperRevised.class, PaperRevisionRequested.class)
                .consumer();
    }
}
