package io.hoithao.devstack;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.LoggerFactory;

/**
 * What the apps need besides each other: Kafka and the Mongo-wire server (in this JVM, or already running
 * elsewhere with {@link DevStackConfig#externalInfrastructure()}) and the development mail server.
 */
final class Infrastructure {

    private final boolean external;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final EmbeddedSmtp smtp;
    private volatile Duration kafkaStartup;
    private volatile Duration mongoStartup;

    Infrastructure(DevStackConfig config) {
        this.external = config.externalInfrastructure();
        this.kafka = new EmbeddedKafka(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
        this.mongo = new EmbeddedMongo(config.dataDir(), config.mongoPort());
        this.smtp = new EmbeddedSmtp(config.smtpPort(), config.inboxPort());
    }

    /** Kafka and Mongo at once (Mongo on a thread of its own), then the mail server. */
    void start(Progress progress) {
        // Initialise logging on this thread first: Kafka and Mongo start on two threads at once, and a
        // logger asked for while SLF4J is still initialising on the other one would be dropped.
        LoggerFactory.getILoggerFactory();
        if (external) {
            progress.row("Kafka", kafka.bootstrapServers(), "(running elsewhere)");
            progress.row("Mongo", mongo.connectionString(), "(running elsewhere)");
            startSmtp(progress);
            return;
        }
        CompletableFuture<Duration> mongoStarted = CompletableFuture.supplyAsync(() -> timed(mongo::start), runnable -> {
            Thread thread = new Thread(runnable, "devstack-mongo-start");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            kafkaStartup = timed(kafka::start);
            progress.row("Kafka", kafka.bootstrapServers(), "started in %.1f s", Progress.seconds(kafkaStartup));
        } finally {
            try {
                mongoStartup = mongoStarted.join();
                progress.row("Mongo", mongo.connectionString(), "started in %.1f s", Progress.seconds(mongoStartup));
                startSmtp(progress);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private void startSmtp(Progress progress) {
        Duration smtpStartup = timed(smtp::start);
        progress.row("SMTP", "127.0.0.1:" + smtp.smtpPort(), "started in %.1f s, inbox %s",
                Progress.seconds(smtpStartup), smtp.inboxUrl());
    }

    /** The mail server, then Mongo, then Kafka; a failure is reported and the rest still stopped. */
    void stop(Progress progress) {
        smtp.close();
        try {
            mongo.stop();
        } catch (RuntimeException e) {
            progress.println("devstack: stopping Mongo failed: " + e);
        }
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            progress.println("devstack: stopping Kafka failed: " + e);
        }
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String mongoConnectionString() {
        return mongo.connectionString();
    }

    EmbeddedSmtp mailServer() {
        return smtp;
    }

    /** Null until started here (and with {@code externalInfrastructure}). */
    Duration kafkaStartup() {
        return kafkaStartup;
    }

    Duration mongoStartup() {
        return mongoStartup;
    }

    private static Duration timed(Runnable action) {
        long t = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - t);
    }
}
