package io.hoithao.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls to the stack's APIs as a script or another system makes them: a JSON body when there is one, the bearer
 * token when there is one, the answer read as text. For the end-to-end tests and the bench, like {@link SignIn}.
 */
public final class Calls {

    private Calls() {
    }

    /**
     * Sends the request and reads the answer as text.
     *
     * @param token {@code null}: no {@code Authorization} header
     * @param body  JSON; {@code null}: none
     */
    public static HttpResponse<String> send(HttpClient http, URI uri, Duration timeout, String token, String method, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request to {@code path} at {@code site} (the gateway, or one service); see the other form. */
    public static HttpResponse<String> send(HttpClient http, URI site, Duration timeout, String token, String method, String path,
            String body) throws Exception {
        return send(http, site.resolve(path), timeout, token, method, body);
    }
}
