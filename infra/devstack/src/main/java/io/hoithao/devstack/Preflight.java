package io.hoithao.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is checked before anything starts, so that a mistake is named at once rather than by a failed start. */
final class Preflight {

    private Preflight() {
    }

    static void check(DevStackConfig config, PidFile pids) {
        checkJars(config);
        checkPortsFree(config, pids);
    }

    /** Every app's jar exists; a missing one is named, with the build command. */
    static void checkJars(DevStackConfig config) {
        List<String> missing = new ArrayList<>();
        for (App app : config.apps()) {
            if (!Files.isRegularFile(config.jar(app))) {
                missing.add(app.id() + ": " + config.jar(app));
            }
        }
        if (!missing.isEmpty()) {
            throw new DevStackException("Missing service jar" + (missing.size() > 1 ? "s" : "") + ":"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", missing)
                    + System.lineSeparator() + "Build them first: ./mvnw -q -B install -DskipTests (./devstack does this),"
                    + " or start fewer with --services=<comma list> (--services= runs only Kafka and Mongo).");
        }
    }

    /** Every port is free and given once; a busy one is named with the option that moves it, and the apps an earlier devstack left. */
    static void checkPortsFree(DevStackConfig config, PidFile pids) {
        List<String> busy = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : wantedPorts(config).entrySet()) {
            int port = entry.getValue();
            if (port == 0) {
                continue;
            }
            String other = seen.putIfAbsent(port, entry.getKey());
            if (other != null) {
                busy.add(port + " (" + entry.getKey() + ") is also given to " + other);
            } else if (!isFree(port)) {
                busy.add(port + " (" + entry.getKey() + ") is in use; move it with --" + entry.getKey() + ".port=<port>");
            }
        }
        if (!busy.isEmpty()) {
            throw new DevStackException("Ports not available:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", busy) + System.lineSeparator()
                    + pids.leftoverHint());
        }
    }

    /** Each port the stack will listen on, by the name of what listens there (0: any free port). */
    static Map<String, Integer> wantedPorts(DevStackConfig config) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        if (!config.externalInfrastructure()) {
            wanted.put("kafka", config.kafkaPort());
            wanted.put("kafka.controller", config.kafkaControllerPort());
            wanted.put("mongo", config.mongoPort());
        }
        wanted.put("smtp", config.smtpPort());
        wanted.put("inbox", config.inboxPort());
        for (App app : config.apps()) {
            if (config.balanced(app)) {
                wanted.put(app.id() + " balancer", config.port(app));
            }
            for (int k = 1; k <= config.instances(app); k++) {
                wanted.put(config.layout().label(app, k), config.port(app, k));
            }
        }
        return wanted;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
