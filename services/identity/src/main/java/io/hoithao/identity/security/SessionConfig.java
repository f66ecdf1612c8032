package io.hoithao.identity.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/** The HTTP sessions in the database ({@link MongoSessions}), idle for at most {@code server.servlet.session.timeout}. */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfig {

    @Bean
    MongoSessions sessionRepository(MongoTemplate mongo,
                                    @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return new MongoSessions(mongo, timeout);
    }
}
