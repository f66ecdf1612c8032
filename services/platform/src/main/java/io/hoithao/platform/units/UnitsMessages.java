package io.hoithao.platform.units;

import io.hoithao.platform.messaging.InboundMessages;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

/**
 * The projection of the units directory, in the services that set {@code hoithao.units.consume=true}; such a
 * service binds the consumer {@code unitsMessages} to topic {@code hoithao.units}
 * ({@code spring.cloud.function.definition} and {@code spring.cloud.stream.bindings.unitsMessages-in-0}).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("hoithao.units.consume")
public class UnitsMessages {

    @Bean
    KnownUnits knownUnits(ReactiveMongoTemplate mongo) {
        return new KnownUnits(mongo);
    }

    @Bean
    Consumer<Message<byte[]>> unitsMessages(KnownUnits units) {
        return InboundMessages.consumer(units::apply);
    }
}
