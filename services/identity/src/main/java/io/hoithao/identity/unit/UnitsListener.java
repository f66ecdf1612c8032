package io.hoithao.identity.unit;

import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Feeds {@link KnownUnits} from topic {@code hoithao.units} (group {@code identity}, from the beginning of the
 * topic for a new group, so a fresh instance learns the whole directory). A message is applied before its offset
 * is committed; a failure is retried by the container's default back-off.
 */
@Configuration(proxyBeanMethods = false)
class UnitsListener {

    private final KnownUnits units;

    UnitsListener(KnownUnits units) {
        this.units = units;
    }

    @Bean
    static ConcurrentKafkaListenerContainerFactory<String, byte[]> unitsListenerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        return factory;
    }

    @KafkaListener(id = "identity-units", groupId = "identity", topics = Topics.UNITS, containerFactory = "unitsListenerFactory",
            autoStartup = "${hoithao.identity.units.consume:true}")
    void onMessage(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null) {
            return; // not a message of the suite: nothing to learn from it
        }
        units.apply(MessageCodec.instance().decode(new String(type.value(), StandardCharsets.UTF_8), record.value()));
    }
}
