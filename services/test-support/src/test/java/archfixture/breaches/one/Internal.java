package archfixture.breaches.one;

/** Public, but nothing outside its package uses it (nor its member type). */
public class Internal {

    public record Part(String text) {
    }

    Part part() {
        return new Part("x");
    }
}
