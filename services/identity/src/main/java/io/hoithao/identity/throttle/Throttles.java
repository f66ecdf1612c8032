package io.hoithao.identity.throttle;

import io.hoithao.identity.user.Emails;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The sign-in and sign-up budgets of this instance (in memory: run one instance, as the README says). */
@Component
public class Throttles {

    private final Budget signInPerAccount;
    private final Budget signInPerAddress;
    private final Budget signUpPerAddress;
    private final Budget signUpPerEmail;

    Throttles(ThrottleProperties properties) {
        this.signInPerAccount = new Budget(properties.signInPerAccount(), System::nanoTime);
        this.signInPerAddress = new Budget(properties.signInPerAddress(), System::nanoTime);
        this.signUpPerAddress = new Budget(properties.signUpPerAddress(), System::nanoTime);
        this.signUpPerEmail = new Budget(properties.signUpPerEmail(), System::nanoTime);
    }

    /**
     * A sign-in attempt, before its password is checked: one unit of the address's budget and one of the
     * account's (given back by {@link #signedIn} when the password was right).
     *
     * @throws ThrottledException when either budget is spent
     */
    void signInAttempt(String address, String account) {
        check(signInPerAddress.take(address));
        check(signInPerAccount.take(account(account)));
    }

    void signedIn(String account) {
        signInPerAccount.giveBack(account(account));
    }

    /**
     * A sign-up, before anything is stored or hashed; the same for every email, known or not.
     *
     * @throws ThrottledException when the address's or the email's budget is spent
     */
    public void signUp(String address, String email) {
        check(signUpPerAddress.take(address));
        check(signUpPerEmail.take(account(email)));
    }

    private static String account(String email) {
        return email == null ? "" : Emails.normalise(email);
    }

    private static void check(Duration wait) {
        if (!wait.isZero()) {
            throw new ThrottledException(wait);
        }
    }
}
