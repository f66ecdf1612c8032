package io.hoithao.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The broker or the Mongo-wire server alone, in a process of its own, so that it can be killed and
 * started again on the same port and data directory while the services keep running (the fault
 * suite, infra/faults, does this):
 *
 * <pre>
 * java -cp devstack-lib.jar:... io.hoithao.devstack.Standalone kafka --dir=DIR --port=P --controller.port=C [--advertised.port=A]
 * java -cp devstack-lib.jar:... io.hoithao.devstack.Standalone mongo --dir=DIR --port=P [--durability=journaled|journaled_no_fsync|delayed]
 * </pre>
 *
 * It prints {@value #READY}, the port and how long its start took once it accepts clients; SIGTERM stops it cleanly (the broker
 * flushes its logs, the Mongo-wire server checkpoints), SIGKILL as a crash would.
 */
public final class Standalone {

    public static final String READY = "standalone ready on port ";

    private Standalone() {
    }

    public static void main(String[] args) throws InterruptedException {
        long toMain = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        if (args.length == 0) {
            System.err.println("Usage: Standalone kafka|mongo --dir=<path> --port=<port> [...]");
            System.exit(2);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                System.err.println("Not an option --key=value: " + arg);
                System.exit(2);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Path dir = Path.of(required(options, "dir"));
        int port = Integer.parseInt(required(options, "port"));
        AutoCloseable running;
        switch (args[0]) {
            case "kafka" -> {
                int controller = Integer.parseInt(required(options, "controller.port"));
                int advertised = Integer.parseInt(options.getOrDefault("advertised.port", Integer.toString(port)));
                running = new EmbeddedKafka(dir, port, controller, advertised).start();
            }
            case "mongo" -> {
                EmbeddedMongo.Durability durability = EmbeddedMongo.Durability.of(options.getOrDefault("durability", "journaled"));
                EmbeddedMongo mongo = new EmbeddedMongo(dir, port, durability).start();
                if (mongo.replayedAtStart() > 0) {
                    System.out.println("journal: " + mongo.replayedAtStart() + " record(s) replayed");
                }
                running = mongo;
            }
            default -> {
                System.err.println("Unknown: " + args[0] + " (kafka or mongo)");
                System.exit(2);
                return;
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("stopping failed: " + e);
            }
        }, "standalone-stop"));
        // how long the JVM took to reach main and the server to start after it: a slow start on a loaded machine says which
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println(READY + port + " (JVM " + toMain + " ms to main, then " + (uptime - toMain) + " ms to start)");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            System.err.println("Missing --" + key + "=...");
            System.exit(2);
        }
        return value;
    }
}
