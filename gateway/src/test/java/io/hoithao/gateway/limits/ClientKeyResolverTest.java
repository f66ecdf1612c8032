package io.hoithao.gateway.limits;

import java.net.InetSocketAddress;
import java.security.Principal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeyResolverTest {

	final ClientKeyResolver resolver = new ClientKeyResolver("127\\.0\\.0\\.1|10\\.0\\.0\\.\\d+");

	static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
		return MockServerHttpRequest.get("/api/events").remoteAddress(new InetSocketAddress(peer, 40000));
	}

	String key(MockServerHttpRequest request) {
		return this.resolver.resolve(MockServerWebExchange.from(request)).block();
	}

	@Test
	void anonymousClientIsKeyedByItsAddress() {
		assertThat(key(from("198.51.100.4").build())).isEqualTo("ip:198.51.100.4");
	}

	@Test
	void forwardedForFromAnUntrustedPeerIsIgnored() {
		assertThat(key(from("198.51.100.4").header("X-Forwarded-For", "203.0.113.9").build()))
			.isEqualTo("ip:198.51.100.4");
	}

	@Test
	void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
		// client 203.0.113.9 -> proxy 10.0.0.2 -> proxy 10.0.0.3 -> gateway; the first entry was
		// sent by the client itself and may be anything
		assertThat(key(from("10.0.0.3").header("X-Forwarded-For", "1.1.1.1, 203.0.113.9, 10.0.0.2").build()))
			.isEqualTo("ip:203.0.113.9");
		assertThat(key(from("127.0.0.1").header("X-Forwarded-For", "203.0.113.7").build()))
			.isEqualTo("ip:203.0.113.7");
	}

	@Test
	void trustedPeerWithoutForwardedForIsItself() {
		assertThat(key(from("127.0.0.1").build())).isEqualTo("ip:127.0.0.1");
	}

	@Test
	void authenticatedUserIsKeyedByName() {
		Principal lan = () -> "lan@hoithao.test";
		ServerWebExchange exchange = MockServerWebExchange.from(from("198.51.100.4").build())
			.mutate()
			.principal(Mono.just(lan))
			.build();
		assertThat(this.resolver.resolve(exchange).block()).isEqualTo("user:lan@hoithao.test");
	}

	@Test
	void withoutTrustedProxiesOnlyThePeerCounts() {
		ClientKeyResolver untrusting = new ClientKeyResolver("");
		assertThat(untrusting
			.resolve(MockServerWebExchange.from(from("127.0.0.1").header("X-Forwarded-For", "203.0.113.7").build()))
			.block()).isEqualTo("ip:127.0.0.1");
	}

}
