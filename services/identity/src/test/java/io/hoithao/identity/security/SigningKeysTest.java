package io.hoithao.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class SigningKeysTest {

    private static final KeyPair PAIR = pair(2048);

    @Test
    void aPkcs8PemGivesTheSameKeyAndKeyIdEveryTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("identity-signing-key.pem");
        Files.writeString(file, pem("PRIVATE KEY", PAIR.getPrivate().getEncoded()));

        RSAKey first = SigningKeys.load("file:" + file, new DefaultResourceLoader());
        RSAKey second = SigningKeys.load(file.toUri().toString(), new DefaultResourceLoader());

        assertThat(first.isPrivate()).isTrue();
        assertThat(first.toRSAPublicKey()).isEqualTo(PAIR.getPublic());
        assertThat(first.getKeyID()).isEqualTo(second.getKeyID())
                .isEqualTo(first.toPublicJWK().computeThumbprint("SHA-256").toString());
        assertThat(first.getAlgorithm().getName()).isEqualTo("RS256");
    }

    @Test
    void itsOwnPublicKeyMayFollowButAnotherKeysMayNot() throws Exception {
        String privatePem = pem("PRIVATE KEY", PAIR.getPrivate().getEncoded());
        RSAKey withPublic = SigningKeys.fromPem(privatePem + pem("PUBLIC KEY", PAIR.getPublic().getEncoded()), "test");
        assertThat(withPublic.toRSAPublicKey()).isEqualTo(PAIR.getPublic());

        String otherPublic = pem("PUBLIC KEY", pair(2048).getPublic().getEncoded());
        assertThatThrownBy(() -> SigningKeys.fromPem(privatePem + otherPublic, "test"))
                .hasMessageContaining("does not belong");
    }

    @Test
    void unusableKeysAreRefusedWithAMessageThatSaysWhatToDo(@TempDir Path dir) {
        assertThatThrownBy(() -> SigningKeys.fromPem(pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}), "old.pem"))
                .hasMessageContaining("PKCS#1").hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> SigningKeys.fromPem(pem("PUBLIC KEY", PAIR.getPublic().getEncoded()), "pub.pem"))
                .hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> SigningKeys.fromPem(pem("PRIVATE KEY", pair(1024).getPrivate().getEncoded()), "small.pem"))
                .hasMessageContaining("1024 bits");
        assertThatThrownBy(() -> SigningKeys.load("file:" + dir.resolve("missing.pem"), new DefaultResourceLoader()))
                .hasMessageContaining("cannot read");
    }

    @Test
    void withoutConfigurationAFreshKeyIsGenerated() {
        RSAKey one = SigningKeys.load(null, new DefaultResourceLoader());
        RSAKey two = SigningKeys.load(null, new DefaultResourceLoader());
        assertThat(one.isPrivate()).isTrue();
        assertThat(one.size()).isEqualTo(2048);
        assertThat(one.getKeyID()).isNotEqualTo(two.getKeyID());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair pair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
