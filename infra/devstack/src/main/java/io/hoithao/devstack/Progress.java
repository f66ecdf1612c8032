package io.hoithao.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** What the devstack reports while it starts and stops: one aligned row per part, and plain lines. */
final class Progress {

    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    /** {@code "  <name> <address> <what>"}, the name and the address in columns; {@code what} is formatted with {@code args}. */
    void row(String name, Object address, String what, Object... args) {
        out.printf(Locale.ROOT, "  %-14s %-28s %s%n", name, address, String.format(Locale.ROOT, what, args));
    }

    void println(String line) {
        out.println(line);
    }

    static double seconds(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }
}
