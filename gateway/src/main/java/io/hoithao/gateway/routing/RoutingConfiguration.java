package io.hoithao.gateway.routing;

import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    ReactiveDiscoveryClient configuredInstances(Environment environment) {
        return new ConfiguredInstances(environment);
    }
}
