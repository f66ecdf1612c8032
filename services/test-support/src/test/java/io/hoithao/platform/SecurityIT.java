package io.hoithao.platform;

import static io.hoithao.platform.testing.TestIdentity.admin;
import static io.hoithao.platform.testing.TestIdentity.delegate;
import static io.hoithao.platform.testing.TestIdentity.organiser;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Tokens checked against a real issuer's key set over HTTP; every refusal is problem+json. */
@IntegrationTest
class SecurityIT {

    private static final TestIdentity identity = TestIdentity.get();

    @Autowired
    WebTestClient http;

    @Test
    void withoutATokenAProtectedEndpointIs401WithABearerChallenge() {
        TestIdentity.anonymous(http).get().uri("/api/probe/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(identity.expired(delegate("an@truong.edu.vn")), "expired");
    }

    @Test
    void aTokenFromAForeignIssuerIsRefused() {
        refused(identity.foreignIssuer(admin()), "");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(identity.otherAudience(admin()), "aud");
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRefused() {
        refused("Bearer not.a.token", "");
    }

    private void refused(String authorization, String detailContains) {
        http.get().uri("/api/probe/me").header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge ->
                        org.assertj.core.api.Assertions.assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-token")
                .jsonPath("$.detail").value(String.class, detail ->
                        org.assertj.core.api.Assertions.assertThat(detail).contains(detailContains));
    }

    @Autowired
    org.springframework.security.oauth2.jwt.ReactiveJwtDecoder decoder;

    @Test
    void aTokenCheckedOnceIsNotCheckedAgainForTheSameCallersNextRequests() {
        // What it remembers and when it checks again: CheckedTokensTest (keyset).
        org.assertj.core.api.Assertions.assertThat(decoder).isInstanceOf(io.hoithao.keyset.CheckedTokens.class);
        for (int request = 0; request < 3; request++) {
            identity.as(http, organiser("Phòng GD&ĐT Chợ Mới")).get().uri("/api/probe/me").exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void theCallerIsReadFromTheToken() {
        identity.as(http, organiser("Phòng GD&ĐT Chợ Mới")).get().uri("/api/probe/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.roles[0]").isEqualTo("ORGANISER")
                .jsonPath("$.unit").isEqualTo("Phòng GD&ĐT Chợ Mới")
                .jsonPath("$.email").value(String.class, email ->
                        org.assertj.core.api.Assertions.assertThat(email).startsWith("organiser.").endsWith("@hoithao.test"));
    }

    @Test
    void publicReadsNeedNoTokenAndSeeAnAnonymousCaller() {
        TestIdentity.anonymous(http).get().uri("/api/probe/public/caller").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.subject").doesNotExist().jsonPath("$.roles.length()").isEqualTo(0);
    }

    @Test
    void aBadTokenIsRefusedEvenOnAPublicRead() {
        TestIdentity.anonymous(http).get().uri("/api/probe/public/caller")
                .header(HttpHeaders.AUTHORIZATION, identity.expired(admin())).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theWrongRoleIs403() {
        identity.as(http, delegate("an@truong.edu.vn")).get().uri("/api/probe/admin/settings").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forbidden");
        identity.as(http, admin()).get().uri("/api/probe/admin/settings").exchange()
                .expectStatus().isOk();
    }

    @Test
    void anOrganiserManagesOnlyTheirOwnUnitWrittenAnyWay() {
        WebTestClient organiser = identity.as(http, organiser("Phòng GD&ĐT Chợ Mới"));
        organiser.get().uri("/api/probe/units/{unit}", "PHÒNG GD & ĐT CHỢ MỚI").exchange().expectStatus().isOk();
        organiser.get().uri("/api/probe/units/{unit}", "phong gd&dt cho moi").exchange().expectStatus().isOk();
        organiser.get().uri("/api/probe/units/{unit}", "Phòng GD&ĐT Bạch Thông").exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forbidden");
        identity.as(http, delegate("an@truong.edu.vn")).get().uri("/api/probe/units/{unit}", "Phòng GD&ĐT Chợ Mới").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void healthAndApiDocsAreOpen() {
        TestIdentity.anonymous(http).get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
