package io.hoithao.events.unit;

import io.hoithao.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * DEVELOPMENT: with {@code hoithao.units.seed=bac-kan} (the devstack sets it), the directory starts with
 * the Bắc Kạn department, its eight district and city offices and a few schools. Idempotent: each unit has
 * an id derived from its official name and is inserted only if absent (a restart, or a second instance,
 * adds nothing and publishes nothing); a unit an administrator already entered under the same name and
 * parent is kept as it is, and the seeded units below it go under it.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "hoithao.units.seed", havingValue = "bac-kan")
class UnitSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnitSeed.class);

    static final String DEPARTMENT = "Sở GD&ĐT Bắc Kạn";

    record Seeded(String officialName, String shortName, UnitKind kind, UnitLevel level, String parent) {
    }

    static final List<Seeded> BAC_KAN = List.of(
            // The official name is what the development organiser's token names (the name bridge, UnitRights).
            new Seeded(DEPARTMENT, "SGDĐT Bắc Kạn", UnitKind.DEPARTMENT, UnitLevel.PROVINCE, null),
            office("TP Bắc Kạn"), office("Ba Bể"), office("Bạch Thông"), office("Chợ Đồn"),
            office("Chợ Mới"), office("Na Rì"), office("Ngân Sơn"), office("Pác Nặm"),
            new Seeded("Trường Mầm non Đồng Tâm", "MN Đồng Tâm", UnitKind.SCHOOL, UnitLevel.SCHOOL, "Phòng GD&ĐT Chợ Mới"),
            new Seeded("Trường Mầm non Yên Đĩnh", "MN Yên Đĩnh", UnitKind.SCHOOL, UnitLevel.SCHOOL, "Phòng GD&ĐT Chợ Mới"),
            new Seeded("Trường Mầm non Bằng Phúc", "MN Bằng Phúc", UnitKind.SCHOOL, UnitLevel.SCHOOL, "Phòng GD&ĐT Chợ Đồn"),
            new Seeded("Trường Tiểu học Phủ Thông", "TH Phủ Thông", UnitKind.SCHOOL, UnitLevel.SCHOOL, "Phòng GD&ĐT Bạch Thông"),
            // upper secondary schools answer to the department directly
            new Seeded("Trường THPT Chuyên Bắc Kạn", "THPT Chuyên Bắc Kạn", UnitKind.SCHOOL, UnitLevel.SCHOOL, DEPARTMENT));

    private static Seeded office(String district) {
        return new Seeded("Phòng GD&ĐT " + district, "PGDĐT " + district, UnitKind.DISTRICT_OFFICE, UnitLevel.DISTRICT, DEPARTMENT);
    }

    /** The seeded unit's id: the same on every start, so the seed inserts each unit once. */
    static String id(String officialName) {
        return UUID.nameUUIDFromBytes(("hoithao/units/seed/" + officialName).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private final UnitDirectory directory;
    private final UnitStore store;

    UnitSeed(UnitDirectory directory, UnitStore store) {
        this.directory = directory;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> ids = new HashMap<>();
        Long added = Flux.fromIterable(BAC_KAN)
                .concatMap(seed -> {
                    String parentId = seed.parent() == null ? null : ids.get(seed.parent());
                    return store.insert(directory.newUnit(id(seed.officialName()), seed.officialName(), seed.shortName(),
                                    seed.kind(), seed.level(), parentId))
                            .map(unit -> {
                                ids.put(seed.officialName(), unit.id());
                                return 1L;
                            })
                            // already there (seeded before, or entered by an administrator): its children go under it
                            .onErrorResume(ProblemException.class, e -> {
                                if (e.properties().get("existingUnitId") instanceof String existing) {
                                    ids.put(seed.officialName(), existing);
                                    return Mono.just(0L);
                                }
                                return Mono.error(e);
                            })
                            .onErrorResume(DuplicateKeyException.class, e -> {
                                ids.put(seed.officialName(), id(seed.officialName()));
                                return Mono.just(0L);
                            });
                })
                .reduce(0L, Long::sum)
                .block();
        if (added != null && added > 0) {
            log.info("Seeded {} unit(s) of the Bắc Kạn directory", added);
        }
    }
}
