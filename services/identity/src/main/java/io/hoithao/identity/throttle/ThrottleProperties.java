package io.hoithao.identity.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The budgets of sign-in and sign-up, under {@code hoithao.identity.throttle}; each is {@code limit} per
 * {@code period}, refilled evenly ({@link Budget}). Addresses are the client's IP address as this server
 * sees it (behind a reverse proxy, set {@code server.forward-headers-strategy}).
 *
 * @param signInPerAccount wrong passwords per account (a right one costs nothing): password guessing
 * @param signInPerAddress sign-in attempts per client address: guessing across accounts, and the CPU that
 *                         hashing costs; large enough for a school's teachers behind one address
 * @param signUpPerAddress sign-ups per client address
 * @param signUpPerEmail   sign-ups per email address, whether or not it has an account: the mails they send
 */
@ConfigurationProperties("hoithao.identity.throttle")
public record ThrottleProperties(Limit signInPerAccount, Limit signInPerAddress, Limit signUpPerAddress, Limit signUpPerEmail) {

    public ThrottleProperties {
        signInPerAccount = Limit.or(signInPerAccount, 5, Duration.ofMinutes(1), "sign-in-per-account");
        signInPerAddress = Limit.or(signInPerAddress, 120, Duration.ofMinutes(1), "sign-in-per-address");
        signUpPerAddress = Limit.or(signUpPerAddress, 60, Duration.ofHours(1), "sign-up-per-address");
        signUpPerEmail = Limit.or(signUpPerEmail, 5, Duration.ofHours(1), "sign-up-per-email");
    }

    /** {@code limit} per {@code period}. */
    public record Limit(Integer limit, Duration period) {

        static Limit or(Limit given, int limit, Duration period, String name) {
            Limit result = new Limit(given == null || given.limit() == null ? limit : given.limit(),
                    given == null || given.period() == null ? period : given.period());
            if (result.limit() < 1 || result.period().isNegative() || result.period().isZero()) {
                throw new IllegalArgumentException("hoithao.identity.throttle." + name + " needs a limit of 1 or more and a"
                        + " positive period, not " + result.limit() + " per " + result.period());
            }
            return result;
        }
    }
}
