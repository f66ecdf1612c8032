package io.hoithao.presentations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Papers (báo cáo tham luận): submission, review, placement in the programme, materials. */
@SpringBootApplication
public class PresentationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PresentationsApplication.class, args);
    }
}
