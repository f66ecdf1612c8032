package io.hoithao.platform.openapi;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Registers {@link ApiDocumentation} in every service that serves an OpenAPI document. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOperationCustomizer")
public class ApiDocumentationAutoConfiguration {

    @Bean
    ApiDocumentation apiDocumentation() {
        return new ApiDocumentation();
    }
}
