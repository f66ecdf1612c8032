package io.hoithao.platform.units;

import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.platform.messaging.InboundMessages;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
 * Its {@link UnitNameFollower}s then refresh the service's copies of a unit's name after each creation or rename.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("hoithao.units.consume")
public class UnitsMessages {

    @Bean
    KnownUnits knownUnits(ReactiveMongoTemplate mongo) {
        return new KnownUnits(mongo);
    }

    @Bean
    Consumer<Message<byte[]>> unitsMessages(KnownUnits units, ObjectProvider<UnitNameFollower> followers) {
        List<UnitNameFollower> all = followers.orderedStream().toList();
        return InboundMessages.consumer(message -> units.apply(message).then(Mono.defer(() -> {
            String unitId = message instanceof UnitCreated created ? created.unitId()
                    : message instanceof UnitRenamed renamed ? renamed.unitId() : null;
            if (unitId == null || all.isEmpty()) {
                return Mono.empty();
            }
            return units.find(unitId).flatMapMany(unit -> Flux.fromIterable(all).concatMap(follower -> follower.follow(unit))).then();
        })));
    }
}
