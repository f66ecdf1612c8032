package io.hoithao.identity.user;

import io.hoithao.identity.IdentityProperties.SeedUser;
import io.hoithao.identity.IdentityProperties;
import io.hoithao.platform.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Inserts the configured users ({@code hoithao.identity.seed-users}) at start-up, each only if no
 * user has its email yet, with a verified email address. The insert itself is the check (the unique index refuses the second), so
 * two instances starting together, or a restart, never duplicate or overwrite anyone.
 */
@Component
public class UserSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserSeeder.class);

    private final UserDirectory users;
    private final List<SeedUser> seeds;

    public UserSeeder(UserDirectory users, IdentityProperties properties) {
        this.users = users;
        this.seeds = properties.seedUsers();
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** @return how many users were inserted (0 when all were there already) */
    public int seed() {
        int inserted = 0;
        for (int i = 0; i < seeds.size(); i++) {
            SeedUser seed = seeds.get(i);
            Set<Role> roles = roles(seed, i);
            String unit = seed.unit() == null || seed.unit().isBlank() ? null : seed.unit().strip();
            if (roles.contains(Role.ORGANISER) && unit == null) {
                throw new IllegalStateException("hoithao.identity.seed-users[" + i + "] is an organiser without a unit");
            }
            if (seed.email() == null || seed.email().isBlank() || seed.password() == null || seed.password().isEmpty()) {
                throw new IllegalStateException("hoithao.identity.seed-users[" + i + "] needs an email and a password");
            }
            String fullName = seed.fullName() == null || seed.fullName().isBlank() ? seed.email().strip() : seed.fullName().strip();
            try {
                String unitId = seed.unitId() == null || seed.unitId().isBlank() ? null : seed.unitId().strip();
                users.createVerified(seed.email(), seed.password(), fullName, unit, unitId, roles);
                inserted++;
                log.info("Seeded user {} with roles {}", Emails.normalise(seed.email()), roles);
            } catch (DuplicateEmailException e) {
                log.debug("Seed user {} exists already; left as it is", e.email());
            }
        }
        return inserted;
    }

    private static Set<Role> roles(SeedUser seed, int index) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : seed.roles() == null ? List.<String>of() : seed.roles()) {
            roles.add(Role.fromName(name).orElseThrow(() -> new IllegalStateException("hoithao.identity.seed-users["
                    + index + "] has an unknown role '" + name + "'; known: " + Role.known())));
        }
        if (roles.isEmpty()) {
            roles.add(Role.DELEGATE);
        }
        return roles;
    }
}
