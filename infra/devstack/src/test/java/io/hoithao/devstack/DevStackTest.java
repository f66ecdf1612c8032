package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStackTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMissingServiceJarIsNamedBeforeAnythingStarts(@TempDir Path repo) {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo).freePorts()
                .services(App.EVENTS, App.GATEWAY).build();

        assertThatThrownBy(() -> DevStack.start(config, DevStack.silent()))
                .isInstanceOf(DevStackException.class)
                .hasMessageContaining("Missing service jars")
                .hasMessageContaining(Path.of("services/events/target/events-" + config.version() + ".jar").toString())
                .hasMessageContaining(Path.of("gateway/target/gateway-" + config.version() + ".jar").toString())
                .hasMessageContaining("./mvnw -q -B install -DskipTests");
        assertThat(config.dataDir()).doesNotExist();
    }

    @Test
    void withNoServicesItStartsAndStopsKafkaAndMongo(@TempDir Path repo) throws Exception {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo).freePorts().services(List.of()).build();

        try (DevStack stack = DevStack.start(config, DevStack.silent())) {
            try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
                assertThat(mongo.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"))
                        .isIn(1, 1.0);
            }
            assertThat(stack.urlTable()).contains("localhost:" + config.kafkaPort(), "127.0.0.1:" + config.mongoPort())
                    .doesNotContain("Swagger");
            assertThat(stack.memoryTable()).contains("devstack (Kafka, Mongo)", "total");

            // The printed table names the mail inbox, and a mail sent to its SMTP server is readable there.
            assertThat(stack.urlTable()).containsPattern("mail inbox +http://localhost:" + config.inboxPort() + "/ ");
            com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail("ha.le@mndongtam.edu.vn", "no-reply@hoithao.local",
                    "Xác nhận địa chỉ thư", "Kính gửi Lê Thị Thu Hà,", new com.icegreen.greenmail.util.ServerSetup(
                            config.smtpPort(), "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
            HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(
                    URI.create(stack.inboxUrl()).resolve("/api/messages?to=ha.le@mndongtam.edu.vn")).build(),
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(inbox.body()).contains("\"subject\":\"Xác nhận địa chỉ thư\"", "Kính gửi Lê Thị Thu Hà,");
        }

        assertThat(portIsFree(config.kafkaPort())).isTrue();
        assertThat(portIsFree(config.kafkaControllerPort())).isTrue();
        assertThat(portIsFree(config.mongoPort())).isTrue();
        assertThat(config.dataDir().resolve("kafka/data/meta.properties")).exists();
        assertThat(config.dataDir().resolve("mongo.mv")).exists();
    }

    @Test
    void runsServicesAsChildJvmsWithTheirEnvironmentAndStopsThem(@TempDir Path repo) throws Exception {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo).freePorts()
                .services(App.EVENTS, App.GATEWAY).build();
        fakeJar(config.jar(App.EVENTS), FakeService.class);
        fakeJar(config.jar(App.GATEWAY), FakeService.class);

        List<ChildProcess> children;
        try (DevStack stack = DevStack.start(config, DevStack.silent())) {
            children = stack.processes();
            assertThat(children).extracting(ChildProcess::app).containsExactly(App.EVENTS, App.GATEWAY);
            assertThat(children).allSatisfy(child -> assertThat(child.isAlive()).isTrue());

            String eventsEnv = get(stack.url(App.EVENTS).resolve("/env"));
            assertThat(eventsEnv).contains(
                    "SERVER_PORT=" + config.port(App.EVENTS) + "\n",
                    "SPRING_MONGODB_URI=mongodb://127.0.0.1:" + config.mongoPort() + "/hoithao_events\n",
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:" + config.kafkaPort() + "\n",
                    "HOITHAO_SECURITY_ISSUER=http://localhost:" + config.port(App.IDENTITY) + "\n",
                    "HOITHAO_UNITS_SEED=bac-kan\n");
            assertThat(get(stack.gatewayUrl().resolve("/env"))).doesNotContain("HOITHAO_UNITS_SEED");
            String gatewayEnv = get(stack.gatewayUrl().resolve("/env"));
            assertThat(gatewayEnv).contains(
                    "SERVER_PORT=" + config.port(App.GATEWAY) + "\n",
                    "HOITHAO_SECURITY_ISSUER=http://localhost:" + config.port(App.IDENTITY) + "\n",
                    "HOITHAO_GATEWAY_EVENTS_URI=http://localhost:" + config.port(App.EVENTS) + "\n",
                    "HOITHAO_GATEWAY_REGISTRATIONS_URI=http://localhost:" + config.port(App.REGISTRATIONS) + "\n",
                    "HOITHAO_GATEWAY_OBSERVATIONS_URI=http://localhost:" + config.port(App.OBSERVATIONS) + "\n",
                    "HOITHAO_GATEWAY_PRESENTATIONS_URI=http://localhost:" + config.port(App.PRESENTATIONS) + "\n");

            assertThat(stack.urlTable()).contains(
                    "http://localhost:" + config.port(App.GATEWAY) + "/swagger-ui.html",
                    "http://localhost:" + config.port(App.EVENTS));
            assertThat(stack.memoryTable()).contains("events", "gateway", "total");
            assertThat(config.logDir().resolve("events.log")).content().contains("fake service listening on");
        }
        assertThat(children).allSatisfy(child -> assertThat(child.isAlive()).isFalse());
        assertThat(portIsFree(config.port(App.EVENTS))).isTrue();
        assertThat(portIsFree(config.kafkaPort())).isTrue();
    }

    @Test
    void aServiceThatDiesOnStartUpFailsTheStartWithItsLogAndStopsTheRest(@TempDir Path repo) throws Exception {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo).freePorts()
                .services(App.EVENTS, App.PRESENTATIONS).build();
        fakeJar(config.jar(App.EVENTS), FakeService.class);
        fakeJar(config.jar(App.PRESENTATIONS), FakeService.Crashing.class);

        assertThatThrownBy(() -> DevStack.start(config, DevStack.silent()))
                .isInstanceOf(DevStackException.class)
                .hasMessageContaining("presentations exited with code 3 before it was ready")
                .hasMessageContaining("APPLICATION FAILED TO START: boom (fake)");

        assertThat(ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(repo.toString())))
                .isEmpty();
        assertThat(portIsFree(config.kafkaPort())).isTrue();
        assertThat(portIsFree(config.mongoPort())).isTrue();
    }

    @Test
    void busyPortsAreNamedBeforeAnythingStarts(@TempDir Path repo) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            DevStackConfig config = DevStackConfig.builder().repoRoot(repo).freePorts()
                    .mongoPort(taken.getLocalPort()).services(List.of()).build();

            assertThatThrownBy(() -> DevStack.start(config, DevStack.silent()))
                    .isInstanceOf(DevStackException.class)
                    .hasMessageContaining(taken.getLocalPort() + " (mongo) is in use")
                    .hasMessageContaining("--mongo.port=");
        }
    }

    @Test
    void appsLeftRunningByAKilledDevstackAreNamedByPid(@TempDir Path repo) throws Exception {
        DevStackConfig config = DevStackConfig.builder().repoRoot(repo).freePorts().services(App.EVENTS).build();
        fakeJar(config.jar(App.EVENTS), FakeService.class);
        ProcessBuilder leftover = new ProcessBuilder(config.javaExecutable().toString(), "-jar", config.jar(App.EVENTS).toString());
        leftover.environment().put("SERVER_PORT", Integer.toString(config.port(App.EVENTS)));
        Process process = leftover.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Files.createDirectories(config.dataDir());
            Files.writeString(config.dataDir().resolve("pids"), "events " + process.pid() + "\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> !portIsFree(config.port(App.EVENTS)));

            assertThatThrownBy(() -> DevStack.start(config, DevStack.silent()))
                    .isInstanceOf(DevStackException.class)
                    .hasMessageContaining(config.port(App.EVENTS) + " (events) is in use")
                    .hasMessageContaining("An earlier devstack left these running: events (pid " + process.pid() + ")");
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An executable jar holding just {@code main}'s class file (it must need only the JDK). */
    private static void fakeJar(Path jar, Class<?> main) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String entry = main.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = main.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }
}
