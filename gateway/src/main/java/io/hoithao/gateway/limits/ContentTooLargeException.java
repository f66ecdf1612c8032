package io.hoithao.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body larger than its route's limit: rendered as 413
 * {@code https://hoithao.io/problems/content-too-large} by the gateway's error handler. Ignored by
 * the circuit breakers (it says nothing about the service's health).
 */
public class ContentTooLargeException extends ResponseStatusException {

	public ContentTooLargeException(DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds the limit of " + format(limit) + " for this path.");
	}

	/** {@code 1 MB}, {@code 512 KB}, {@code 1000 bytes}: the largest whole unit. */
	static String format(DataSize size) {
		long bytes = size.toBytes();
		if (bytes > 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes > 0 && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

}
