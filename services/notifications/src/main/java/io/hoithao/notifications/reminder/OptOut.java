package io.hoithao.notifications.reminder;

import io.hoithao.notifications.NotificationsProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** The one-link opt-out: a link carrying the email and its HMAC, so it works without signing in and only for her. */
@Component
class OptOut {

    private final NotificationsProperties properties;

    OptOut(NotificationsProperties properties) {
        this.properties = properties;
    }

    public String link(String email) {
        return properties.publicUrl() + "/api/notifications/unsubscribe?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&token=" + token(email);
    }

    boolean valid(String email, String token) {
        return email != null && token != null
                && MessageDigest.isEqual(token(email).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
