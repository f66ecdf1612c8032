package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.identity.user.UserSeeder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The configured users exist once, however often and however concurrently seeding runs. */
class SeedingIT extends IdentityIT {

    private static final List<String> SEEDED = List.of("admin@hoithao.local", "organiser@backan.hoithao.local",
            "reviewer@hoithao.local");

    @Autowired
    UserSeeder seeder;

    @Autowired
    UserDirectory users;

    @Test
    void theDevelopmentUsersWereSeededAtStartUp() {
        SEEDED.forEach(email -> assertThat(usersWithEmail(email)).as(email).isEqualTo(1));
        UserAccount organiser = users.find("organiser@backan.hoithao.local").orElseThrow();
        assertThat(organiser.unit()).isEqualTo("Sở GD&ĐT Bắc Kạn");
        // the id the events service's seed gives the department (hoithao.units.seed=bac-kan)
        assertThat(organiser.unitId()).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                "hoithao/units/seed/Sở GD&ĐT Bắc Kạn".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        assertThat(organiser.roles()).extracting(Enum::name).containsExactly("ORGANISER");
    }

    @Test
    void seedingAgainAndTwiceAtOnceDuplicatesNobodyAndChangesNothing() {
        UserAccount before = users.find("admin@hoithao.local").orElseThrow();

        assertThat(seeder.seed()).isZero();
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(seeder::seed);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(seeder::seed);
        assertThat(one.join() + two.join()).isZero();

        SEEDED.forEach(email -> assertThat(usersWithEmail(email)).as(email).isEqualTo(1));
        UserAccount after = users.find("admin@hoithao.local").orElseThrow();
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.id()).isEqualTo(before.id());
    }

    @Test
    void aSeedRemovedFromTheDatabaseComesBackOnceOnTheNextSeeding() {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("email").is("reviewer@hoithao.local")), UserAccount.class);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(seeder::seed);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(seeder::seed);
        assertThat(one.join() + two.join()).isEqualTo(1);
        assertThat(usersWithEmail("reviewer@hoithao.local")).isEqualTo(1);
        assertThat(Browser.accessToken(browser.base(), "reviewer@hoithao.local", "reviewer-dev-password")).isNotBlank();
    }
}
