package archfixture.kept.one;

/** Public because another feature uses it, through its member types only. */
public class Seats {

    private Seats() {
    }

    public record Seat(int row) {
    }

    /** Used by another feature; its member type is public by the language, and used here only. */
    public interface Rule {

        record Always() implements Rule {
        }
    }

    static Rule always() {
        return new Rule.Always();
    }
}
