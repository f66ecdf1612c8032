package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * With several identity services, the key they all sign with (each would otherwise make one of its own, and a token
 * one signed would not be accepted by the others' key set): written once, {@code <dir>/identity-signing-key.pem}.
 */
final class SigningKey {

    private SigningKey() {
    }

    static Path file(DevStackConfig config) {
        return config.dataDir().resolve("identity-signing-key.pem");
    }

    /** Whether the identity services share the key of {@link #file}: when there are several of them. */
    static boolean shared(DevStackConfig config) {
        return config.instances(App.IDENTITY) > 1;
    }

    /** Writes the shared key unless it is not needed or already there (tokens then outlive a restart). */
    static void writeIfShared(DevStackConfig config) throws IOException {
        if (!config.apps().contains(App.IDENTITY) || !shared(config) || Files.exists(file(config))) {
            return;
        }
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----" + System.lineSeparator()
                    + Base64.getMimeEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                    + System.lineSeparator() + "-----END PRIVATE KEY-----" + System.lineSeparator();
            Files.writeString(file(config), pem);
        } catch (NoSuchAlgorithmException e) {
            throw new DevStackException("No RSA key generator in this JVM", e);
        }
    }
}
