package io.hoithao.events.schedule;

import io.hoithao.events.session.LessonPlacements;
import io.hoithao.platform.messaging.InboundMessages;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The consumers of the other services' topics, bound in application.yml; all feed the programme view, and lessons their sessions. */
@Configuration(proxyBeanMethods = false)
class ProgrammeMessages {

    @Bean
    Consumer<Message<byte[]>> registrationsMessages(ProgrammeProjections projections) {
        return InboundMessages.consumer(projections::apply);
    }

    @Bean
    Consumer<Message<byte[]>> observationsMessages(ProgrammeProjections projections, LessonPlacements placements) {
        return InboundMessages.consumer(message -> projections.apply(message).then(placements.apply(message)));
    }

    @Bean
    Consumer<Message<byte[]>> presentationsMessages(ProgrammeProjections projections) {
        return InboundMessages.consumer(projections::apply);
    }
}
