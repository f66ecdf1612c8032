package archfixture.kept.one;

import io.hoithao.platform.outbox.Publishing;
import java.util.List;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class Publisher {

    private final Publishing publishing;

    Publisher(Publishing publishing) {
        this.publishing = publishing;
    }

    void write(Query query) {
        publishing.update(query, new Update(), List.of(), Value.class).subscribe();
    }
}
