package io.hoithao.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves the figures on {@code hoithao.gateway.metrics-port} when it is set (0: any free port; -1, the default: not at all). */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	@ConditionalOnExpression("${hoithao.gateway.metrics-port:-1} >= 0")
	MetricsPort metricsPort(PrometheusMeterRegistry registry, @Value("${hoithao.gateway.metrics-port}") int port) {
		return new MetricsPort(registry, port);
	}

}
