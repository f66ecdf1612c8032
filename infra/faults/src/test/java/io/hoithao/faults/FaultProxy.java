package io.hoithao.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small fault-injecting TCP proxy (what Toxiproxy does, whose server is not packaged here): it
 * listens on a port of its own and forwards every connection to {@code upstreamPort}, both ways. It
 * can add latency to every chunk it forwards, drop every open connection at once, and refuse new ones.
 * The services and the broker's clients reach the broker and the database only through it.
 */
final class FaultProxy implements AutoCloseable {

    private final String name;
    private final int upstreamPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long latencyMillis;
    private volatile boolean refusing;
    private volatile boolean closed;

    FaultProxy(String name, int upstreamPort) throws IOException {
        this.name = name;
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        Thread acceptor = new Thread(this::acceptLoop, "proxy-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every forwarded chunk waits this long first (0: none). */
    void latency(long millis) {
        latencyMillis = millis;
    }

    /** New connections are closed at once while true. */
    void refuse(boolean refuse) {
        refusing = refuse;
    }

    /** Drops every open connection (both sides closed at once, as a broken network would). */
    int dropConnections() {
        int count = 0;
        for (Socket socket : open) {
            closeQuietly(socket);
            count++;
        }
        dropped.addAndGet(count);
        return count;
    }

    long accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            if (refusing) {
                closeQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                // the server behind is down: the client sees its connection closed, as it would be refused
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long delay = latencyMillis;
                    if (delay > 0) {
                        TimeUnit.MILLISECONDS.sleep(delay); // the injected latency itself
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // a closed side ends both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-" + name + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropConnections();
    }

    @Override
    public String toString() {
        return "proxy " + name + " :" + port() + " -> :" + upstreamPort;
    }
}
