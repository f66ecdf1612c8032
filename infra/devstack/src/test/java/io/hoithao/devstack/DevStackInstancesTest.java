package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code --instances}: how many of each app, on which ports, and the balancer in front of the identity services. */
class DevStackInstancesTest {

    private final Path cwd = Path.of("/work/repo");

    @Test
    void oneOfEachByDefault() {
        DevStackConfig config = DevStackConfig.fromArgs(new String[0], new Properties(), cwd);
        assertThat(config.instances()).isEqualTo(1);
        for (App app : App.values()) {
            assertThat(config.instances(app)).as(app.id()).isEqualTo(1);
            assertThat(config.port(app, 1)).isEqualTo(config.port(app));
            assertThat(config.balanced(app)).isFalse();
        }
        assertThatThrownBy(() -> config.port(App.EVENTS, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoOfEachServiceAndOfTheIdentityServiceBehindItsBalancerOneGateway() {
        DevStackConfig config = DevStackConfig.fromArgs(new String[] {"--instances=2"}, new Properties(), cwd);
        assertThat(config.instances(App.GATEWAY)).isEqualTo(1);
        assertThat(config.instances(App.EVENTS)).isEqualTo(2);
        assertThat(config.instances(App.WEB)).isEqualTo(2);
        assertThat(config.port(App.EVENTS, 1)).isEqualTo(8081);
        assertThat(config.port(App.EVENTS, 2)).isEqualTo(9081);
        assertThat(config.port(App.REPORTS, 2)).isEqualTo(9087);
        // the balancer on the identity port, both instances behind it
        assertThat(config.balanced(App.IDENTITY)).isTrue();
        assertThat(config.port(App.IDENTITY)).isEqualTo(9000);
        assertThat(List.of(config.port(App.IDENTITY, 1), config.port(App.IDENTITY, 2))).containsExactly(10000, 11000);
    }

    @Test
    void freePortsAreDistinctForEveryInstance() {
        DevStackConfig config = DevStackConfig.builder().freePorts().instances(3).build();
        Set<Integer> ports = new HashSet<>(List.of(config.kafkaPort(), config.kafkaControllerPort(), config.mongoPort(),
                config.smtpPort(), config.inboxPort()));
        int count = 5;
        for (App app : App.values()) {
            ports.add(config.port(app));
            count++;
            for (int k = 1; k <= config.instances(app); k++) {
                if (k > 1 || config.balanced(app)) {
                    ports.add(config.port(app, k));
                    count++;
                }
            }
        }
        assertThat(ports).hasSize(count);
    }

    @Test
    void aNumberOfInstancesOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DevStackConfig.fromArgs(new String[] {"--instances=0"}, new Properties(), cwd))
                .isInstanceOf(DevStackException.class).hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> DevStackConfig.fromArgs(new String[] {"--instances=two"}, new Properties(), cwd))
                .isInstanceOf(DevStackException.class).hasMessageContaining("must be a number");
    }

    @Test
    void theBalancerSendsEachConnectionToTheNextInstanceAndSkipsOneThatIsDown() throws Exception {
        try (ServerSocket first = answering("first"); ServerSocket second = answering("second")) {
            int down = DevStackConfig.freePortNumbers(1)[0];
            int port = DevStackConfig.freePortNumbers(1)[0];
            try (RoundRobinProxy proxy = new RoundRobinProxy(port, List.of(first.getLocalPort(), down, second.getLocalPort()))) {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(ask(proxy.port()));
                }
                assertThat(answers).containsExactly("first", "second", "first", "second");
            }
        }
    }

    /** A server that answers every connection with its name, then closes it. */
    private static ServerSocket answering(String name) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write(name.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // closed
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static String ask(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port); InputStream in = socket.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
