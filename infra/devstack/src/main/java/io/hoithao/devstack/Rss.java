package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident set size of a process, from {@code /proc/<pid>/status} (Linux; empty elsewhere). */
final class Rss {

    private Rss() {
    }

    /** VmRSS in kB, or empty when the process is gone or there is no /proc. */
    static OptionalLong kilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String digits = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(digits));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (macOS, Windows) or the process just exited
        }
        return OptionalLong.empty();
    }

    static String megabytes(OptionalLong kb) {
        return kb.isPresent() ? String.format("%,d MB", Math.round(kb.getAsLong() / 1024.0)) : "n/a";
    }
}
