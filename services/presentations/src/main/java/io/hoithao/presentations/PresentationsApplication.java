package io.hoithao.presentations;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Papers (báo cáo tham luận): submission, review, placement in the programme, materials. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PresentationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PresentationsApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
