package archfixture.breaches;

import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxRelay;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;

class RelaysByHand {

    private final OutboxRelay relay;

    RelaysByHand(OutboxRelay relay) {
        this.relay = relay;
    }

    void write(String id) {
        Outbox.append(new Update(), List.of());
        relay.relay("things", id).subscribe();
    }
}
