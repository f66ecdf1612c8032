package io.hoithao.identity;

import io.hoithao.identity.user.VerificationMailer;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The tests' mail box: keeps the last verification link sent to each address (and the logging mailer is not used). */
public class RecordingMailer implements VerificationMailer {

    private final Map<String, URI> links = new ConcurrentHashMap<>();

    @Override
    public void sendVerificationLink(String email, String fullName, URI link) {
        links.put(email, link);
    }

    /** The last link sent to the address, or {@code null}. */
    public URI linkFor(String email) {
        return links.get(email);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        RecordingMailer recordingMailer() {
            return new RecordingMailer();
        }
    }
}
