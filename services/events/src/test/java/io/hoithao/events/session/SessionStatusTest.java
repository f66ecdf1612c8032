package io.hoithao.events.session;

import static io.hoithao.events.session.SessionStatus.CANCELLED;
import static io.hoithao.events.session.SessionStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionStatusTest {

    /** The table written out by hand, from each status to the statuses it may become. */
    static final Map<SessionStatus, Set<SessionStatus>> NEXT = Map.of(
            SCHEDULED, EnumSet.of(CANCELLED),
            CANCELLED, EnumSet.noneOf(SessionStatus.class));

    @ParameterizedTest
    @EnumSource(SessionStatus.class)
    void eachStatusMayBecomeExactlyItsSuccessors(SessionStatus from) {
        for (SessionStatus to : SessionStatus.values()) {
            assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(NEXT.get(from).contains(to));
        }
        assertThat(from.terminal()).isEqualTo(NEXT.get(from).isEmpty());
    }
}
