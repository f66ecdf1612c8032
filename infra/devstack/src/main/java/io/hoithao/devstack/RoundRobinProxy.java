package io.hoithao.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer at one address in front of several instances of an app, as a real deployment puts one before
 * the identity service: each new TCP connection goes to the next instance in turn (one refusing the connection is
 * skipped). What the instances keep between requests (sessions, codes) must therefore be in the database.
 */
final class RoundRobinProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final Thread acceptor;

    RoundRobinProxy(int port, List<Integer> ports) {
        this.ports = List.copyOf(ports);
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException e) {
            throw new DevStackException("Could not listen on port " + port + " for the instances " + ports + ": " + e, e);
        }
        acceptor = new Thread(this::accept, "devstack-balancer-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> forward(client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void forward(Socket client) {
        Socket upstream = null;
        for (int attempt = 0; attempt < ports.size() && upstream == null; attempt++) {
            int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                // that instance is down: the next one
            }
        }
        if (upstream == null) {
            close(client);
            return;
        }
        Socket target = upstream;
        daemon(() -> pipe(client, target));
        pipe(target, client);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "devstack-balancer-connection");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
