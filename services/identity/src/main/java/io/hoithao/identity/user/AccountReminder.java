package io.hoithao.identity.user;

/**
 * Tells the owner of a verified account that someone signed up with her address (perhaps she herself,
 * having forgotten the account): the sign-up's answer must not say so, the mail to her mailbox does.
 */
public interface AccountReminder {

    /**
     * @param email    a verified user's address, normalised
     * @param language {@code vi}, {@code en} or {@code null}: the mail's language
     */
    void remind(String email, String language);
}
