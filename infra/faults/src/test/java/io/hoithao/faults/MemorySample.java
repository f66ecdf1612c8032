package io.hoithao.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM's memory at a moment: its heap right after a full collection ({@code jcmd <pid> GC.run}, then
 * {@code GC.heap_info}: what is still referenced, so a leak shows as a rise), its metaspace, and its resident
 * set ({@code VmRSS} of {@code /proc/<pid>/status}: the heap committed, code, direct buffers, stacks).
 */
record MemorySample(long heapAfterGcKb, long metaspaceKb, long rssKb) {

    // " def new generation   total 9792K, used 1234K [...", " tenured generation   total ...", " garbage-first heap   total ..."
    private static final Pattern HEAP = Pattern.compile("^\\s*(?:def new generation|tenured generation|garbage-first heap|PSYoungGen|ParOldGen)"
            + "\\s+total \\d+K, used (\\d+)K", Pattern.MULTILINE);
    private static final Pattern METASPACE = Pattern.compile("^\\s*Metaspace\\s+used (\\d+)K", Pattern.MULTILINE);
    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);

    static MemorySample of(long pid) {
        String heapInfo = jcmd(pid, "GC.run\nGC.heap_info\n");
        long heap = 0;
        Matcher generations = HEAP.matcher(heapInfo);
        boolean found = false;
        while (generations.find()) {
            heap += Long.parseLong(generations.group(1));
            found = true;
        }
        Matcher metaspace = METASPACE.matcher(heapInfo);
        if (!found || !metaspace.find()) {
            throw new IllegalStateException("jcmd " + pid + " GC.heap_info answered: " + heapInfo);
        }
        return new MemorySample(heap, Long.parseLong(metaspace.group(1)), rss(pid));
    }

    static long rss(long pid) {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            if (!rss.find()) {
                throw new IllegalStateException("no VmRSS for " + pid);
            }
            return Long.parseLong(rss.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " gone", e);
        }
    }

    /** The process's command line, its arguments separated by spaces. */
    static String commandLine(long pid) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
    }

    private static String jcmd(long pid, String commands) {
        try {
            Path file = Files.createTempFile("jcmd", ".txt");
            try {
                Files.writeString(file, commands);
                Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
                Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "-f", file.toString())
                        .redirectErrorStream(true).start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("jcmd " + pid + " did not finish");
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("jcmd " + pid, e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "heap %,d kB, metaspace %,d kB, RSS %,d kB", heapAfterGcKb, metaspaceKb, rssKb);
    }
}
