package io.hoithao.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.session.MapSession;

/**
 * Two instances of the site on one database (mongo-java-server): a session one of them saved, with the
 * signed-in person's tokens, is what the other finds; a session whose id changed is found by its new id only;
 * an expired one is not found.
 */
class SessionStoreTest {

    static MongoServer server;
    static MongoClient client;

    @BeforeAll
    static void start() {
        MemoryBackend backend = new MemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    static SessionStore instance() {
        return new SessionStore(new ReactiveMongoTemplate(client, "hoithao_web"), Duration.ofHours(8));
    }

    @Test
    void aSessionSavedByOneInstanceIsFoundWithItsTokensByTheOther() {
        SessionStore first = instance();
        SessionStore second = instance();
        MapSession session = first.createSession().block();
        ClientRegistration site = ClientRegistration.withRegistrationId("hoithao").clientId("hoithao-site")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("http://localhost:8080/login/oauth2/code/hoithao")
                .authorizationUri("http://localhost:9000/oauth2/authorize").tokenUri("http://localhost:9000/oauth2/token").build();
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "eyJ-hoa",
                Instant.now(), Instant.now().plusSeconds(900));
        session.setAttribute("tokens", new OAuth2AuthorizedClient(site, "hoa@mndongtam.edu.vn", token));
        session.setAttribute("rows", List.of("r1", "r2"));
        first.save(session).block();

        MapSession found = second.findById(session.getId()).block();
        assertThat(found).isNotNull();
        assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(found.<OAuth2AuthorizedClient>getAttribute("tokens").getAccessToken().getTokenValue()).isEqualTo("eyJ-hoa");
        assertThat(found.<OAuth2AuthorizedClient>getAttribute("tokens").getPrincipalName()).isEqualTo("hoa@mndongtam.edu.vn");
        assertThat(found.<List<String>>getAttribute("rows")).containsExactly("r1", "r2");

        // signing in changes the id (against fixation): the old id leads nowhere any more
        String old = found.getId();
        found.changeSessionId();
        second.save(found).block();
        assertThat(first.findById(old).block()).isNull();
        assertThat(first.findById(found.getId()).block()).isNotNull();

        second.deleteById(found.getId()).block();
        assertThat(first.findById(found.getId()).block()).isNull();
    }

    @Test
    void anExpiredSessionIsNotFound() {
        SessionStore store = instance();
        MapSession session = store.createSession().block();
        session.setMaxInactiveInterval(Duration.ofSeconds(1));
        session.setLastAccessedTime(Instant.now().minusSeconds(60));
        session.setAttribute("a", "b");
        store.save(session).block();
        assertThat(store.findById(session.getId()).block()).isNull();
    }
}
