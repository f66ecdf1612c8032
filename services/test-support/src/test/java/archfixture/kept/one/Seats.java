package archfixture.kept.one;

/** Public because another feature uses it, through its member type only. */
public class Seats {

    private Seats() {
    }

    public record Seat(int row) {
    }
}
