package archfixture.breaches.one;

import org.springframework.web.bind.annotation.RestController;

@RestController
public class OneHandler {

    public String hello() {
        return "xin chào";
    }
}
