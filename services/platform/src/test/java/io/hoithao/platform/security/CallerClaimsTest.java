package io.hoithao.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerClaimsTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("u1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void readsTheSuitesOwnClaims() {
        Caller caller = new CallerClaims(new SecurityProperties(null, null, null, null, null)).caller(jwt(Map.of(
                "roles", List.of("organiser", "some-other-apps-role"), "unit", "Sở GD&ĐT Bắc Kạn",
                "email", "To.Chuc@BacKan.edu.vn", "email_verified", true, "name", "Trần Thị Tổ Chức")));
        assertThat(caller.roles()).containsExactly(Role.ORGANISER);
        assertThat(caller.email()).isEqualTo("to.chuc@backan.edu.vn");
        assertThat(caller.organises("so gd&dt bac kan")).isTrue();
        assertThat(caller.organises("Sở GD&ĐT Cao Bằng")).isFalse();
        assertThat(caller.owns("to.chuc@backan.edu.vn")).isTrue();
    }

    @Test
    void readsKeycloaksRealmRolesThroughADottedPath() {
        Caller caller = new CallerClaims(new SecurityProperties("realm_access.roles", null, null, null, null)).caller(jwt(Map.of(
                "realm_access", Map.of("roles", List.of("admin", "offline_access")))));
        assertThat(caller.roles()).containsExactly(Role.ADMIN);
        assertThat(caller.organises("any unit")).isTrue();
    }

    @Test
    void aTokenWithoutRolesGrantsNothing() {
        Caller caller = new CallerClaims(new SecurityProperties(null, null, null, null, null)).caller(jwt(Map.of("roles", "nonsense")));
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.signedIn()).isTrue();
        assertThat(caller.organises("x")).isFalse();
        assertThat(caller.owns(null)).isFalse();
    }

    @Test
    void aLookAlikeAddressOwnsNothing() {
        Caller impostor = TestCallers.delegate("bınh@truong.edu.vn");
        assertThat(impostor.owns("binh@truong.edu.vn")).isFalse();
        assertThat(TestCallers.delegate("jameſ@truong.edu.vn").owns("james@truong.edu.vn")).isFalse();
        assertThat(TestCallers.delegate("Binh@Truong.edu.vn").owns("binh@truong.edu.vn ")).isTrue();
    }

    @Test
    void anUnverifiedEmailOwnsNothing() {
        CallerClaims claims = new CallerClaims(new SecurityProperties(null, null, null, null, null));
        assertThat(claims.caller(jwt(Map.of("email", "an@truong.edu.vn", "email_verified", false))).email()).isNull();
        assertThat(claims.caller(jwt(Map.of("email", "an@truong.edu.vn", "email_verified", true))).email())
                .isEqualTo("an@truong.edu.vn");
        assertThat(claims.caller(jwt(Map.of("email", "an@truong.edu.vn", "email_verified", "true"))).email())
                .isEqualTo("an@truong.edu.vn");
    }

    @Test
    void aTokenThatDoesNotSayTheEmailIsVerifiedOwnsNothing() {
        CallerClaims claims = new CallerClaims(new SecurityProperties(null, null, null, null, null));
        Caller silent = claims.caller(jwt(Map.of("email", "an@truong.edu.vn")));
        assertThat(silent.email()).isNull();
        assertThat(silent.owns("an@truong.edu.vn")).isFalse();
        assertThat(claims.caller(jwt(Map.of("email", "an@truong.edu.vn", "email_verified", "yes"))).email()).isNull();
        assertThat(claims.caller(jwt(Map.of("email", "an@truong.edu.vn", "email_verified", 1))).email()).isNull();
    }

    private static final class TestCallers {
        static Caller delegate(String email) {
            return new Caller(email, email, null, Set.of(Role.DELEGATE), null);
        }
    }

    @Test
    void anOrganiserWithoutAUnitOrganisesNothing() {
        Caller caller = new Caller("u", "u@x.vn", null, Set.of(Role.ORGANISER), null);
        assertThat(caller.organises("")).isFalse();
        assertThat(caller.organises(null)).isFalse();
    }

    @Test
    void unitsAreRecognisedByTheirIdNotByTheirFoldedNames() {
        CallerClaims claims = new CallerClaims(new SecurityProperties(null, null, null, null, null));
        Caller hoa = claims.caller(jwt(Map.of("roles", List.of("organiser"), "unit", "Trường Mầm non Tân Hòa",
                "unit_id", "7d0e7a4e-0000-4000-8000-000000000001")));
        assertThat(hoa.unitId()).isEqualTo("7d0e7a4e-0000-4000-8000-000000000001");
        assertThat(hoa.unit()).isEqualTo("Trường Mầm non Tân Hòa");
        assertThat(hoa.organisesUnit("7d0e7a4e-0000-4000-8000-000000000001")).isTrue();
        // Tân Hóa folds like Tân Hòa, and is another unit
        assertThat(hoa.organisesUnit("7d0e7a4e-0000-4000-8000-000000000002")).isFalse();
        assertThat(hoa.organisesUnit(null)).isFalse();
        assertThat(claims.caller(jwt(Map.of("roles", List.of("organiser"), "unit", "Trường Mầm non Tân Hòa")))
                .organisesUnit("7d0e7a4e-0000-4000-8000-000000000001")).isFalse();
    }

    @Test
    void theUnitIdClaimIsConfigurable() {
        Caller caller = new CallerClaims(new SecurityProperties(null, null, null, null, "hoithao_unit")).caller(jwt(Map.of(
                "roles", List.of("delegate"), "hoithao_unit", "u-1", "unit_id", "u-2")));
        assertThat(caller.unitId()).isEqualTo("u-1");
        assertThat(caller.belongsTo("u-1")).isTrue();
        assertThat(caller.organisesUnit("u-1")).isFalse();
    }
}
