package io.hoithao.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class SerializedAuthorizationsTest {

    static final RegisteredClient CLIENT = RegisteredClient.withId("cli").clientId("hoithao-cli")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1:8765/callback").build();

    @Test
    void concurrentSignInsSaveFindAndRemoveWithoutFailing() throws Exception {
        SerializedAuthorizations authorizations = new SerializedAuthorizations();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            workers.add(threads.submit(() -> {
                int found = 0;
                for (int i = 0; i < 500; i++) {
                    String value = "token-" + thread + "-" + i;
                    // in progress (no token yet), as the authorization request leaves it
                    OAuth2Authorization started = OAuth2Authorization.withRegisteredClient(CLIENT)
                            .id(UUID.randomUUID().toString()).principalName("dai.bieu" + thread + "@backan.edu.vn")
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .attribute("state", value).build();
                    authorizations.save(started);
                    OAuth2Authorization issued = OAuth2Authorization.from(started)
                            .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value,
                                    Instant.now(), Instant.now().plusSeconds(60))).build();
                    authorizations.save(issued);
                    if (authorizations.findByToken(value, OAuth2TokenType.ACCESS_TOKEN) != null) {
                        found++;
                    }
                    authorizations.findByToken("unknown-" + value, null);
                    if (i % 2 == 0) {
                        authorizations.remove(issued);
                    }
                }
                return found;
            }));
        }
        int found = 0;
        for (Future<Integer> worker : workers) {
            found += worker.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertThat(found).isEqualTo(8 * 500);
    }
}
