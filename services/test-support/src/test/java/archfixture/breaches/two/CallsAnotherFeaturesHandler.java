package archfixture.breaches.two;

import archfixture.breaches.one.OneHandler;

class CallsAnotherFeaturesHandler {

    String call(OneHandler handler) {
        return handler.hello();
    }
}
