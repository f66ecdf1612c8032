package archfixture.breaches;

import io.hoithao.platform.testing.Scenario;
import java.time.Duration;

class UsesTestSupport {

    Duration patience() {
        return Scenario.PATIENCE;
    }
}
