package io.hoithao.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * Gives a problem+json body to the answers reactor-netty sends on its own when it cannot decode a
 * request: 431 (headers over {@code server.max-http-request-header-size}) and 414 (request line
 * over {@code server.netty.max-initial-line-length}). Reactor-netty writes these as empty
 * responses with {@code Connection: close} before any Spring code runs (the request never reaches
 * WebFlux), so this Netty handler, placed right after the HTTP codec, replaces such an empty
 * response with the same status and a problem body. Only a response that follows a request whose
 * decoding failed on this connection is touched; everything else passes unchanged.
 */
class DecodingFailureProblemHandler extends ChannelDuplexHandler {

	/** The problem for a status and the request path (null when the line could not be read). */
	private final Function<Integer, Function<String, Map<String, Object>>> problems;

	private final Function<Map<String, Object>, String> json;

	private String failedPath;

	private boolean failed;

	DecodingFailureProblemHandler(Function<Integer, Function<String, Map<String, Object>>> problems,
			Function<Map<String, Object>, String> json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
			Throwable cause = request.decoderResult().cause();
			this.failed = cause instanceof TooLongHttpHeaderException || cause instanceof TooLongHttpLineException;
			// the request line was read when the headers were too long; not when the line was
			this.failedPath = (cause instanceof TooLongHttpHeaderException) ? path(request.uri()) : null;
		}
		super.channelRead(ctx, msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (this.failed && msg instanceof FullHttpResponse response && !response.content().isReadable()
				&& (response.status().code() == 431 || response.status().code() == 414)) {
			this.failed = false;
			byte[] body = this.json.apply(this.problems.apply(response.status().code()).apply(this.failedPath))
				.getBytes(StandardCharsets.UTF_8);
			FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
					Unpooled.wrappedBuffer(body));
			problem.headers().set(response.headers());
			problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
			problem.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
			response.release();
			super.write(ctx, problem, promise);
			return;
		}
		super.write(ctx, msg, promise);
	}

	private static String path(String uri) {
		if (uri == null || !uri.startsWith("/")) {
			return null;
		}
		int query = uri.indexOf('?');
		return (query >= 0) ? uri.substring(0, query) : uri;
	}

}
