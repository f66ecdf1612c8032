package io.hoithao.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every service would otherwise write into its {@code application.yml} in the same words, derived from its
 * name and its consumers' names, as defaults that any setting of the service's own overrides:
 * <ul>
 * <li>a consumer {@code <topic>Messages} named in {@code spring.cloud.function.definition} reads
 * {@code hoithao.<topic>}, and its dead letters go to {@code hoithao.<topic>.<service>.dlq};</li>
 * <li>the API's OpenAPI document and page are under the service's path, {@code /api/<service>/...};</li>
 * <li>Kafka's clients and the binder log warnings only (the consumer lag gauge's offset lookups not even those).</li>
 * </ul>
 * A post-processor rather than {@code hoithao-platform.properties}: the bindings' names come from the service's
 * configuration, and logging levels must be known before the context is refreshed.
 */
public class ServiceConventions implements EnvironmentPostProcessor {

    static final String SOURCE = "hoithaoServiceConventions";
    static final String SUFFIX = "Messages";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String service = environment.getProperty("spring.application.name");
        if (service == null || service.isBlank()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                defaults(service, environment.getProperty("spring.cloud.function.definition", ""))));
    }

    /** The defaults for a service named {@code service} whose function definition is {@code definition}. */
    static Map<String, Object> defaults(String service, String definition) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (String function : definition.split("[;|,]")) {
            String name = function.trim();
            if (name.length() > SUFFIX.length() && name.endsWith(SUFFIX)) {
                String topic = "hoithao." + name.substring(0, name.length() - SUFFIX.length());
                String binding = name + "-in-0";
                defaults.put("spring.cloud.stream.bindings." + binding + ".destination", topic);
                defaults.put("spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name", topic + "." + service + ".dlq");
            }
        }
        defaults.put("springdoc.api-docs.path", "/api/" + service + "/v3/api-docs");
        defaults.put("springdoc.swagger-ui.path", "/api/" + service + "/swagger-ui.html");
        defaults.put("logging.level.org.apache.kafka", "warn");
        // The consumer lag gauge's own consumer asks for end offsets of partitions it is not assigned, and Kafka
        // warns about each at every computation (every 10 s per topic).
        defaults.put("logging.level.org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", "error");
        defaults.put("logging.level.org.springframework.kafka", "warn");
        defaults.put("logging.level.org.springframework.cloud.stream", "warn");
        return defaults;
    }
}
