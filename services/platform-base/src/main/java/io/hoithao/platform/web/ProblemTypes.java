package io.hoithao.platform.web;

import java.net.URI;

/**
 * Stable problem type URIs; clients may branch on them. Documented in docs/problems.md. Named once for the suite:
 * the reactive services' platform, the identity service, the gateway and the web site use the same.
 */
public final class ProblemTypes {

    public static final String BASE = "https://hoithao.io/problems/";

    public static final String VALIDATION = "validation";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    /** A list the client grows one request at a time (sessions, venues, plans...) is at its documented limit. */
    public static final String LIMIT_EXCEEDED = "limit-exceeded";
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";
    /** A status change that the current status does not allow. */
    public static final String INVALID_TRANSITION = "invalid-transition";
    public static final String DUPLICATE = "duplicate";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String INVALID_TOKEN = "invalid-token";
    public static final String FORBIDDEN = "forbidden";
    public static final String IDENTITY_UNAVAILABLE = "identity-unavailable";
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    /** A bug, in a service or in the gateway itself. */
    public static final String INTERNAL = "internal";
    /** A rate limit or a budget of attempts is spent for now ({@code Retry-After} says when to retry). */
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    /** The gateway could not reach the service behind a route. */
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    /** A body over the gateway's request size limit (the services' own limit answers {@link #PAYLOAD_TOO_LARGE}). */
    public static final String CONTENT_TOO_LARGE = "content-too-large";
    /** The request's headers are over the gateway's limit. */
    public static final String REQUEST_HEADER_FIELDS_TOO_LARGE = "request-header-fields-too-large";

    private ProblemTypes() {
    }

    public static URI uri(String type) {
        return URI.create(BASE + type);
    }
}
