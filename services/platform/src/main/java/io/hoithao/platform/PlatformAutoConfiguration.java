package io.hoithao.platform;

import io.hoithao.platform.outbox.OutboxProperties;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.web.ProblemExceptionHandler;
import io.hoithao.platform.web.RetryAfterFilter;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the shared plumbing into every service: problem+json errors, the outbox relay, messaging defaults. */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
@PropertySource("classpath:hoithao-platform.properties")
public class PlatformAutoConfiguration {

    @Bean
    @Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
    ProblemExceptionHandler problemExceptionHandler(ServerCodecConfigurer codecs) {
        return new ProblemExceptionHandler(codecs);
    }

    /** Every 503 and 429 carries Retry-After, whoever wrote it. */
    @Bean
    RetryAfterFilter retryAfterFilter() {
        return new RetryAfterFilter();
    }

    @Bean
    @ConditionalOnMissingBean(name = "outboxKafkaTemplate")
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka,
                                                      @Value("${spring.application.name:hoithao}") String application) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // An acknowledgement means every in-sync replica has the message, and retries never duplicate or reorder it.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                            OutboxProperties properties) {
        return new OutboxRelay(mongo, outboxKafkaTemplate, properties);
    }
}
