package io.hoithao.identity.security;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Spring Security's delegating password encoder (hashes carry their algorithm, {@code {bcrypt}...}),
 * hashing new passwords with bcrypt. bcrypt reads at most 72 bytes, and a password may be up to 128
 * characters (more bytes still in Vietnamese, up to 3 per letter); rather than silently ignoring the
 * rest, or refusing such passwords, a longer one is hashed with PBKDF2-HMAC-SHA256
 * ({@code {pbkdf2@SpringSecurity_v5_8}...}), which the delegating encoder also checks.
 */
final class PasswordHashing implements PasswordEncoder {

    static final int BCRYPT_MAX_BYTES = 72;
    private static final String PBKDF2_ID = "pbkdf2@SpringSecurity_v5_8";

    private final PasswordEncoder delegating = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder pbkdf2 = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @Override
    public String encode(CharSequence rawPassword) {
        if (rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            return "{" + PBKDF2_ID + "}" + pbkdf2.encode(rawPassword);
        }
        return delegating.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return delegating.matches(rawPassword, encodedPassword);
    }
}
