package io.hoithao.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void aPasswordOfUpTo72BytesIsHashedWithBcrypt() {
        String password = "a".repeat(72);
        String hash = hashing.encode(password);
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(hashing.matches(password, hash)).isTrue();
        assertThat(hashing.matches("a".repeat(71), hash)).isFalse();
    }

    @Test
    void aLongerPasswordIsHashedWholeWithPbkdf2() {
        String password = "Đại hội giáo dục tỉnh Bắc Kạn ".repeat(4);
        String hash = hashing.encode(password);
        assertThat(hash).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        assertThat(hashing.matches(password, hash)).isTrue();
        assertThat(hashing.matches(password.substring(0, password.length() - 1) + "!", hash)).isFalse();
    }

    @Test
    void hashesAreSalted() {
        assertThat(hashing.encode("mat-khau-du-dai")).isNotEqualTo(hashing.encode("mat-khau-du-dai"));
        String long1 = hashing.encode("x".repeat(100));
        assertThat(long1).isNotEqualTo(hashing.encode("x".repeat(100)));
    }
}
