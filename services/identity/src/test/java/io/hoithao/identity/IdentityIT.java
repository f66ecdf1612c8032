package io.hoithao.identity;

import io.hoithao.identity.user.UserAccount;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server on a random port, over a real Mongo-wire server, shared by every integration test
 * (one Spring context). The issuer is deliberately not the address the server listens on: tokens and
 * the discovery document must carry the configured issuer, never one taken from the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hoithao.identity.issuer=" + IdentityIT.ISSUER,
        "hoithao.identity.access-token-ttl=7m",
        // every test comes from 127.0.0.1 and some sign one address up many times: only ThrottleIT spends these
        "hoithao.identity.throttle.sign-in-per-address.limit=100000",
        "hoithao.identity.throttle.sign-up-per-address.limit=100000",
        "hoithao.identity.throttle.sign-up-per-email.limit=100000"})
@Import(RecordingMailer.Config.class)
public abstract class IdentityIT {

    public static final String ISSUER = "https://identity.hoithao.test";
    public static final long TTL_SECONDS = 7 * 60;
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("identity_it"));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(URI.create("http://localhost:" + port));
    }

    protected long usersWithEmail(String email) {
        return mongo.count(Query.query(Criteria.where("email").is(email)), UserAccount.class);
    }

    /** A fresh address per test, so tests never depend on each other's users. */
    protected static String uniqueEmail(String name) {
        return name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
    }
}
