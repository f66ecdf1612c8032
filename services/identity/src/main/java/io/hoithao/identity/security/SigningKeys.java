package io.hoithao.identity.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The RSA key that signs the tokens. From configuration: a PEM file holding a PKCS#8 private key
 * ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl genpkey} writes), optionally followed by
 * its public key ({@code -----BEGIN PUBLIC KEY-----}), which must then belong to it; the public key is
 * otherwise derived from the private one. Without configuration a 2048-bit key is generated for this
 * process only. The key id ({@code kid}) is the key's RFC 7638 SHA-256 thumbprint, so it stays the
 * same for the same key across restarts and instances.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private SigningKeys() {
    }

    /** The configured key, or a generated development key when {@code location} is {@code null}. */
    public static RSAKey load(String location, ResourceLoader resources) {
        if (location == null) {
            RSAKey generated = generate();
            log.warn("hoithao.identity.signing-key is not set: signing tokens with a DEVELOPMENT key generated at start-up"
                    + " (kid {}). Tokens stop being valid when this process stops, and several instances would not trust"
                    + " each other's tokens. Configure a key for anything but development (see services/identity/README.md).",
                    generated.getKeyID());
            return generated;
        }
        Resource resource = resources.getResource(location);
        String pem;
        try (InputStream in = resource.getInputStream()) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("hoithao.identity.signing-key: cannot read " + location + ": " + e.getMessage(), e);
        }
        RSAKey key = fromPem(pem, location);
        log.info("Signing tokens with the RSA key from {} (kid {})", location, key.getKeyID());
        return key;
    }

    /** Reads a PEM text: a PKCS#8 RSA private key and, optionally, its public key. */
    public static RSAKey fromPem(String pem, String source) {
        RSAPrivateCrtKey privateKey = null;
        RSAPublicKey publicKey = null;
        Matcher block = PEM.matcher(pem);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(2));
                switch (block.group(1)) {
                    case "PRIVATE KEY" -> {
                        PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                        if (!(key instanceof RSAPrivateCrtKey crt)) {
                            throw new IllegalStateException(source + ": the private key lacks its CRT parameters; write it with"
                                    + " openssl genpkey -algorithm RSA");
                        }
                        privateKey = crt;
                    }
                    case "PUBLIC KEY" -> {
                        PublicKey key = rsa.generatePublic(new X509EncodedKeySpec(der));
                        publicKey = (RSAPublicKey) key;
                    }
                    case "RSA PRIVATE KEY" -> throw new IllegalStateException(source + " holds a PKCS#1 key (BEGIN RSA PRIVATE KEY);"
                            + " convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in old.pem -out identity-signing-key.pem");
                    case "ENCRYPTED PRIVATE KEY" -> throw new IllegalStateException(source + " holds an encrypted key;"
                            + " give an unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt) and protect the file instead");
                    default -> {
                        // certificates and other blocks are not needed here
                    }
                }
            }
            if (privateKey == null) {
                throw new IllegalStateException(source + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
            }
            RSAPublicKey derived = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            if (publicKey != null && !publicKey.getModulus().equals(derived.getModulus())) {
                throw new IllegalStateException(source + ": the public key does not belong to the private key");
            }
            if (derived.getModulus().bitLength() < 2048) {
                throw new IllegalStateException(source + ": the RSA key has " + derived.getModulus().bitLength()
                        + " bits; use at least 2048");
            }
            return withThumbprintKid(new RSAKey.Builder(derived).privateKey(privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(source + ": not a readable RSA key: " + e.getMessage(), e);
        }
    }

    /** A new 2048-bit key, for development and tests. */
    public static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return withThumbprintKid(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static RSAKey withThumbprintKid(RSAKey.Builder builder) {
        try {
            RSAKey key = builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint("SHA-256").toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key's thumbprint", e);
        }
    }
}
