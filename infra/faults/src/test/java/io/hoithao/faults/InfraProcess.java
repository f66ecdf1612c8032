package io.hoithao.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.hoithao.devstack.Standalone;

/**
 * The broker or the Mongo-wire server as a process of its own ({@link Standalone}), on a fixed port and
 * data directory, so that a scenario can SIGKILL it (the real pid, {@link Process#destroyForcibly()})
 * or stop it cleanly (SIGTERM) and start it again on the same port and data.
 */
final class InfraProcess implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final String jvmOptions;
    private final Path logFile;
    private final Path classArchive;
    private Process process;
    private int starts;
    private volatile String lastReady = "";

    InfraProcess(String name, Path logDir, String jvmOptions, String... arguments) throws IOException {
        this(name, logDir, null, jvmOptions, arguments);
    }

    /**
     * @param archiveDir where its classes are kept ready to map (a CDS archive, made by {@link #prepareClassArchive}),
     *                   named after the jars and JVM options it holds for, or null for none
     */
    InfraProcess(String name, Path logDir, Path archiveDir, String jvmOptions, String... arguments) throws IOException {
        this.name = name;
        this.arguments = List.of(arguments);
        this.jvmOptions = jvmOptions;
        this.logFile = logDir.resolve(name + ".log");
        this.classArchive = archiveDir == null ? null : archiveDir.resolve(name + "-" + archiveKey(jvmOptions) + ".jsa");
    }

    /** The jars (paths, sizes, times) and the options: an archive holds only for the class path and flags it was made with. */
    private static String archiveKey(String jvmOptions) throws IOException {
        StringBuilder key = new StringBuilder(jvmOptions.trim());
        for (String jar : jarsOnly().split(java.io.File.pathSeparator)) {
            Path path = Path.of(jar);
            key.append('|').append(jar).append(':').append(Files.size(path)).append(':').append(Files.getLastModifiedTime(path).toMillis());
        }
        return java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(
                sha256(key.toString().getBytes(StandardCharsets.UTF_8)), 8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the class archive if it is missing: one start and a clean stop with {@code -XX:ArchiveClassesAtExit} (the
     * JVM writes it as it exits), so that every later start maps the classes it loaded instead of loading them
     * again. On a loaded machine class loading is most of a broker's start after a SIGKILL (its data is small).
     * Returns how long that took (zero when the archive was there).
     */
    synchronized Duration prepareClassArchive(Duration timeout) throws IOException, InterruptedException {
        if (classArchive == null || Files.exists(classArchive)) {
            return Duration.ZERO;
        }
        Files.createDirectories(classArchive.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        launch(timeout, "-XX:ArchiveClassesAtExit=" + classArchive.toAbsolutePath());
        stop();
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Starts it and returns once it accepts clients (its ready line). */
    synchronized Duration start(Duration timeout) throws IOException, InterruptedException {
        return launch(timeout, classArchive != null && Files.exists(classArchive)
                ? "-XX:SharedArchiveFile=" + classArchive.toAbsolutePath() : null);
    }

    /** Its last ready line, which says how long the JVM took to reach main and the server to start. */
    String lastReady() {
        return lastReady;
    }

    private Duration launch(Duration timeout, String archiveOption) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmOptions.split("\\s+")));
        if (archiveOption != null) {
            command.add(archiveOption);
            command.add("-Xlog:cds*=off"); // the archive's notes (classes it cannot hold) are not the log's business
        }
        command.add("-cp");
        command.add(archiveOption != null ? jarsOnly() : System.getProperty("java.class.path"));
        command.add(Standalone.class.getName());
        command.addAll(arguments);
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "# start " + (++starts) + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        long readyMarks = countReady();
        long t0 = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        long deadline = t0 + timeout.toNanos();
        while (countReady() == readyMarks) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout + "; see " + logFile);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS); // wakes at once if it dies
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(Standalone.READY)) {
                lastReady = lines.get(i);
                break;
            }
        }
        return took;
    }

    private long countReady() throws IOException {
        if (!Files.exists(logFile)) {
            return 0;
        }
        return Files.readAllLines(logFile, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(Standalone.READY)).count();
    }

    /**
     * The test's class path as jar files only (a class archive refuses directories on it): a manifest-only jar (as
     * Failsafe starts the tests with) stands for the entries its manifest names. Standalone and everything it needs
     * come from jars (devstack's {@code lib} jar and its dependencies).
     */
    private static String jarsOnly() throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isRegularFile(path) || !entry.endsWith(".jar")) {
                continue;
            }
            String manifestPath = null;
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
                java.util.jar.Manifest manifest = jar.getManifest();
                manifestPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            }
            if (manifestPath == null || manifestPath.isBlank()) {
                jars.add(path.toString());
                continue;
            }
            jars.add(path.toString());
            for (String named : manifestPath.trim().split("\\s+")) {
                Path resolved;
                try {
                    resolved = Path.of(path.toUri().resolve(named));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (Files.isRegularFile(resolved) && resolved.toString().endsWith(".jar")) {
                    jars.add(resolved.toString());
                }
            }
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    /** SIGKILL of the real process: nothing flushed, no shutdown hook. */
    synchronized void kill() throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** SIGTERM: a clean stop. */
    synchronized void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
