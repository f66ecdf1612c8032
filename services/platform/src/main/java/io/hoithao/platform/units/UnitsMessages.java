package io.hoithao.platform.units;

import io.hoithao.contracts.units.ModelSiteDesignated;
import io.hoithao.contracts.units.ModelSiteWithdrawn;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
        return MessageDispatch.of(UnitsMessage.class)
                .on(UnitCreated.class, m -> units.created(m).then(Mono.defer(() -> follow(units, all, m.unitId()))))
                .on(UnitRenamed.class, m -> units.renamed(m).then(Mono.defer(() -> follow(units, all, m.unitId()))))
                .on(UnitMoved.class, units::moved)
                .ignore(ModelSiteDesignated.class, ModelSiteWithdrawn.class)
                .consumer();
    }

    private static Mono<Void> follow(KnownUnits units, List<UnitNameFollower> followers, String unitId) {
        if (followers.isEmpty()) {
            return Mono.empty();
        }
        return units.find(unitId).flatMapMany(unit -> Flux.fromIterable(followers).concatMap(follower -> follower.follow(unit))).then();
    }
}
