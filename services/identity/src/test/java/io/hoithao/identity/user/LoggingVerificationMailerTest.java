package io.hoithao.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The development mailer writes the link to the log, in the form the README shows. */
@ExtendWith(OutputCaptureExtension.class)
class LoggingVerificationMailerTest {

    @Test
    void theLinkIsLoggedAtInfo(CapturedOutput output) {
        new LoggingVerificationMailer().sendVerificationLink("ha.le@mndongtam.edu.vn", "Lê Thị Thu Hà",
                URI.create("http://localhost:9000/verify-email?token=abc"));
        assertThat(output.getOut()).contains("INFO")
                .contains("Verification link for ha.le@mndongtam.edu.vn: http://localhost:9000/verify-email?token=abc");
    }
}
