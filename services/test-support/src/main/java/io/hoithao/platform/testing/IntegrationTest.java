package io.hoithao.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full service on a random port, wired to the real Kafka broker and Mongo-wire server of
 * {@link TestInfrastructure}, with a {@code WebTestClient} bound to it. The client waits up to a minute
 * for an answer (the default is 5 s): a test asserts what a service answers, not how fast a machine
 * shared by a whole build is; speed is the benchmarks' business.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface IntegrationTest {
}
