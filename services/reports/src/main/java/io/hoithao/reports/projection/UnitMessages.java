package io.hoithao.reports.projection;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.units.ModelSiteDesignated;
import io.hoithao.contracts.units.ModelSiteWithdrawn;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * From {@code hoithao.units}: the directory (each unit at its highest revision, with its earlier official names)
 * and the model sites designated in it.
 */
@Configuration
class UnitMessages {

    @Bean
    Consumer<Message<byte[]>> unitsMessages(ReactiveMongoTemplate mongo) {
        return MessageDispatch.of(UnitsMessage.class)
                .on(UnitCreated.class, m -> Writes.newer(mongo, Projected.Unit.class, m.unitId(), "revision", m.revision(), m, new Update()
                        .set("officialName", m.officialName()).set("shortName", m.shortName()).set("kind", m.kind())
                        .set("level", m.level()).set("parentId", m.parentId())))
                .on(UnitRenamed.class, m -> renamed(mongo, m))
                .on(UnitMoved.class, m -> Writes.newer(mongo, Projected.Unit.class, m.unitId(), "revision", m.revision(), m,
                        new Update().set("parentId", m.parentId())))
                .on(ModelSiteDesignated.class, m -> site(mongo, m, m.unitId(), m.programmeId(), m.phase(), m.level(), m.revision()))
                .on(ModelSiteWithdrawn.class, m -> site(mongo, m, m.unitId(), m.programmeId(), m.phase(), null, m.revision()))
                .consumer();
    }

    private static Mono<?> renamed(ReactiveMongoTemplate mongo, UnitRenamed m) {
        // One write: the earlier name is kept, since a delegate or a paper may have named the unit by it.
        return Writes.newer(mongo, Projected.Unit.class, m.unitId(), "revision", m.revision(), m, new Update()
                .set("officialName", m.officialName()).set("shortName", m.shortName())
                .addToSet("previousNames", m.previousOfficialName()));
    }

    private static Mono<?> site(ReactiveMongoTemplate mongo, IntegrationMessage m, String unitId, String programmeId,
                                String phase, String level, long revision) {
        return Writes.newer(mongo, Projected.ModelSite.class, unitId + "|" + programmeId + "|" + phase, "revision", revision, m,
                new Update().set("unitId", unitId).set("programmeId", programmeId).set("phase", phase).set("level", level));
    }
}
