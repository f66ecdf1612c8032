package io.hoithao.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The development mail server: a real SMTP server (GreenMail) on 127.0.0.1 that accepts every mail
 * the notifications service sends, and keeps it in memory (until the devstack stops), with a small
 * inbox on HTTP so that a person can read what was sent:
 *
 * <ul>
 *   <li>{@code GET /} every mail, newest first (to, subject, time), each linking to</li>
 *   <li>{@code GET /messages/<n>} one mail: its headers and its plain-text part ({@code .eml} for the raw mail);</li>
 *   <li>{@code GET /api/messages?to=<address>} the mails as JSON (to, from, subject, receivedAt, text), for scripts and tests.</li>
 * </ul>
 */
public final class EmbeddedSmtp implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final int smtpPort;
    private final int inboxPort;
    private GreenMail mail;
    private HttpServer inbox;

    /** @param smtpPort the SMTP port, @param inboxPort the inbox's HTTP port (both on 127.0.0.1) */
    public EmbeddedSmtp(int smtpPort, int inboxPort) {
        this.smtpPort = smtpPort;
        this.inboxPort = inboxPort;
    }

    public synchronized EmbeddedSmtp start() {
        if (mail != null) {
            return this;
        }
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP));
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new DevStackException("The SMTP server could not start on " + HOST + ":" + smtpPort + ": " + e.getMessage(), e);
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(HOST, inboxPort), 0);
            http.createContext("/", this::handle);
            http.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "devstack-inbox");
                thread.setDaemon(true);
                return thread;
            }));
            http.start();
            inbox = http;
        } catch (IOException e) {
            server.stop();
            throw new DevStackException("The mail inbox could not start on " + HOST + ":" + inboxPort + ": " + e.getMessage(), e);
        }
        mail = server;
        return this;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** {@code http://localhost:<port>/}: where a person reads the mails. */
    public String inboxUrl() {
        return "http://localhost:" + inboxPort + "/";
    }

    /** Every mail received so far, oldest first. */
    public List<MimeMessage> messages() {
        GreenMail server = mail;
        return server == null ? List.of() : List.of(server.getReceivedMessages());
    }

    @Override
    public synchronized void close() {
        if (inbox != null) {
            inbox.stop(0);
            inbox = null;
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    // ---------------------------------------------------------------- the inbox

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            List<MimeMessage> all = messages();
            if (path.equals("/")) {
                send(exchange, 200, "text/html", list(all));
            } else if (path.equals("/api/messages")) {
                String to = query(exchange, "to");
                send(exchange, 200, "application/json", json(all, to));
            } else if (path.startsWith("/messages/")) {
                String id = path.substring("/messages/".length());
                boolean raw = id.endsWith(".eml");
                int n = parse(raw ? id.substring(0, id.length() - 4) : id);
                if (n < 0 || n >= all.size()) {
                    send(exchange, 404, "text/plain", "No such mail");
                } else if (raw) {
                    send(exchange, 200, "message/rfc822", GreenMailUtil.getWholeMessage(all.get(n)));
                } else {
                    send(exchange, 200, "text/html", one(all.get(n), n));
                }
            } else {
                send(exchange, 404, "text/plain", "Not found");
            }
        } catch (Exception e) {
            send(exchange, 500, "text/plain", "Could not read the mail: " + e);
        }
    }

    private static String list(List<MimeMessage> all) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = all.size() - 1; i >= 0; i--) {
            MimeMessage m = all.get(i);
            rows.append("<tr><td>").append(escape(time(m))).append("</td><td>").append(escape(to(m)))
                    .append("</td><td><a href=\"/messages/").append(i).append("\">").append(escape(subject(m)))
                    .append("</a></td></tr>");
        }
        return page("devstack inbox (" + all.size() + ")", "<h1>devstack inbox</h1><p>" + all.size()
                + " mail(s) sent by the suite, newest first. JSON: <a href=\"/api/messages\">/api/messages</a></p>"
                + "<table><thead><tr><th scope=\"col\">received</th><th scope=\"col\">to</th><th scope=\"col\">subject</th></tr></thead><tbody>"
                + rows + "</tbody></table>");
    }

    private static String one(MimeMessage m, int n) throws Exception {
        return page(subject(m), "<p><a href=\"/\">inbox</a> · <a href=\"/messages/" + n + ".eml\">raw (.eml)</a></p><h1>"
                + escape(subject(m)) + "</h1><dl><dt>from</dt><dd>" + escape(addresses(m.getFrom())) + "</dd><dt>to</dt><dd>"
                + escape(to(m)) + "</dd><dt>received</dt><dd>" + escape(time(m)) + "</dd></dl><pre style=\"white-space:pre-wrap\">"
                + escape(text(m)) + "</pre>");
    }

    private static String json(List<MimeMessage> all, String to) throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            MimeMessage m = all.get(i);
            if (to != null && Arrays.stream(m.getAllRecipients()).noneMatch(r -> r.toString().equalsIgnoreCase(to))) {
                continue;
            }
            items.add("{\"id\":" + i + ",\"to\":" + quote(to(m)) + ",\"from\":" + quote(addresses(m.getFrom()))
                    + ",\"subject\":" + quote(subject(m)) + ",\"receivedAt\":" + quote(m.getReceivedDate() == null ? ""
                    : m.getReceivedDate().toInstant().toString()) + ",\"text\":" + quote(text(m)) + "}");
        }
        return "[" + String.join(",", items) + "]";
    }

    /** The mail's plain-text part (the first one), or its whole body if it has none. */
    static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return part.isMimeType("text/plain") && content instanceof String s ? s : null;
    }

    private static String subject(MimeMessage m) throws Exception {
        return m.getSubject() == null ? "(no subject)" : m.getSubject();
    }

    private static String to(MimeMessage m) throws Exception {
        return addresses(m.getAllRecipients());
    }

    private static String time(MimeMessage m) throws Exception {
        Date received = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
        return received == null ? "" : TIME.format(received.toInstant());
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + escape(title) + "</title><style>body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em}"
                + "td,th{text-align:left;padding:.2em .6em;border-bottom:1px solid #ccc}</style></head><body><main>"
                + body + "</main></body></html>";
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
