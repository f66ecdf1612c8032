package io.hoithao.gateway.limits;

import io.hoithao.gateway.ProblemResponses;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Installs {@link DecodingFailureProblemHandler} on every connection of the gateway's server. */
@Component
public class DecodingFailureProblemCustomizer implements NettyServerCustomizer {

	private final ProblemResponses problems;

	private final DataSize maxHeaderSize;

	public DecodingFailureProblemCustomizer(ProblemResponses problems,
			@Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
		this.problems = problems;
		this.maxHeaderSize = maxHeaderSize;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, "hoithao.decodingFailureProblem",
							new DecodingFailureProblemHandler(status -> path -> problem(status, path),
									this.problems::json));
			}
		});
	}

	private java.util.Map<String, Object> problem(int code, String path) {
		HttpStatusCode status = HttpStatusCode.valueOf(code);
		String detail = (code == 431)
				? "The request headers exceed the limit of " + ContentTooLargeException.format(this.maxHeaderSize) + "."
				: "The request line (method and URI) is longer than the gateway accepts.";
		return this.problems.problem(ProblemResponses.typeFor(status), status, ProblemResponses.titleFor(status),
				detail, path);
	}

}
