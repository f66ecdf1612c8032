package archfixture.kept.one;

import org.springframework.web.bind.annotation.RestController;

@RestController
class Handler {

    private final Store store;

    Handler(Store store) {
        this.store = store;
    }

    String hello() {
        return store.find(new Value("x")).text();
    }
}
