package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <dir>/pids}: the app JVMs of the running devstack, one {@code <name> <pid>} a line, so that the next start
 * can name the ones a devstack killed before it could stop them left running.
 */
final class PidFile {

    private final Path file;

    PidFile(Path dataDir) {
        this.file = dataDir.resolve("pids");
    }

    void write(List<ChildProcess> children, Progress progress) {
        StringBuilder s = new StringBuilder();
        for (ChildProcess child : children) {
            s.append(child.name()).append(' ').append(child.pid()).append(System.lineSeparator());
        }
        try {
            Files.writeString(file, s);
        } catch (IOException e) {
            progress.println("devstack: could not write " + file + ": " + e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // stale pids are only used for a hint
        }
    }

    /** Names the app JVMs an earlier devstack left running (it was killed before it could stop them). */
    String leftoverHint() {
        List<String> alive = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 2) {
                        ProcessHandle.of(Long.parseLong(parts[1]))
                                .filter(ProcessHandle::isAlive)
                                .filter(p -> p.info().commandLine().orElse("").contains("-jar"))
                                .ifPresent(p -> alive.add(parts[0] + " (pid " + p.pid() + ")"));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // only a hint
        }
        return alive.isEmpty()
                ? "(Is an earlier devstack still running?)"
                : "An earlier devstack left these running: " + String.join(", ", alive)
                        + "; stop them with kill <pid>.";
    }
}
