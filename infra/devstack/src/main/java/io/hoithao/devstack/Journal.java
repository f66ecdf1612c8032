package io.hoithao.devstack;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded Mongo-wire server's write-ahead journal, as MongoDB's: every change a command makes to
 * the store's maps is appended here (the map, the key, the new value or its removal) under the lock
 * that made it, and the command answers only once the journal holds it on disk. The disk write and its
 * {@code fsync} are shared: whichever command finds nobody writing writes everything appended so far,
 * for itself and for every command waiting, so concurrent writes share one {@code fsync} (group commit).
 *
 * <p>The store itself is written at checkpoints: the journal moves on to a new file, the store commits
 * and syncs everything changed until then, and the previous file is deleted. On start the files left
 * are replayed, in order, onto the store: what was acknowledged is there again, and a record cut short
 * by the kill (never acknowledged) ends the replay. Replaying a change the store already has is
 * harmless, since a record holds the value itself, not an operation on it.
 */
final class Journal implements AutoCloseable {

    static final String PREFIX = "mongo.journal.";
    private static final byte REMOVED = 0;
    private static final byte BYTES = 1;
    private static final byte LONG = 2;

    private final Path dir;
    private final boolean fsync;

    // appended, not yet written; guarded by this
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long appended;

    // guarded by durability
    private final Object durability = new Object();
    private long durable;
    private boolean writing;
    private IOException failure;
    private FileChannel channel;
    private long fileNumber;

    private final ThreadLocal<long[]> lastAppendedByThread = ThreadLocal.withInitial(() -> new long[1]);

    private Journal(Path dir, boolean fsync, long fileNumber) throws IOException {
        this.dir = dir;
        this.fsync = fsync;
        this.fileNumber = fileNumber;
        this.channel = open(fileNumber);
    }

    /**
     * Replays the journal files left in {@code dir} onto {@code store}, makes the store durable, deletes
     * them and starts a new journal.
     *
     * @return the journal, and in {@link Recovery#replayed()} how many records were applied again
     */
    static Recovery recover(Path dir, MVStore store, boolean fsync) throws IOException {
        List<Path> files = files(dir);
        long replayed = 0;
        long last = 0;
        for (Path file : files) {
            replayed += replay(file, store);
            last = Math.max(last, number(file));
        }
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
        store.sync();
        for (Path file : files) {
            Files.delete(file);
        }
        return new Recovery(new Journal(dir, fsync, last + 1), replayed);
    }

    record Recovery(Journal journal, long replayed) {
    }

    /** Records a put ({@code value} non-null: {@code byte[]} or {@link Long}) or a removal; call it under the lock that made the change. */
    void append(String map, Object key, Object value) {
        byte[] record = encode(map, key, value);
        long seq;
        synchronized (this) {
            pending.write(record, 0, record.length);
            seq = ++appended;
        }
        lastAppendedByThread.get()[0] = seq;
    }

    /** Returns once every record this thread appended is on disk (with {@code fsync} unless turned off). */
    void awaitThisThreadsRecords() {
        long[] last = lastAppendedByThread.get();
        if (last[0] != 0) {
            awaitDurable(last[0]);
            last[0] = 0;
        }
    }

    void awaitDurable(long seq) {
        while (true) {
            synchronized (durability) {
                while (true) {
                    if (failure != null) {
                        throw new UncheckedIOException("The journal could not be written", failure);
                    }
                    if (durable >= seq) {
                        return;
                    }
                    if (!writing) {
                        writing = true;
                        break;
                    }
                    try {
                        durability.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for the journal", e);
                    }
                }
            }
            writeBatch(false);
        }
    }

    /** Called with {@code writing} held: writes what is pending to the current file; optionally moves to the next file. */
    private void writeBatch(boolean rotate) {
        long upTo;
        byte[] batch;
        synchronized (this) {
            batch = pending.toByteArray();
            pending = new ByteArrayOutputStream(Math.max(256, batch.length));
            upTo = appended;
        }
        IOException error = null;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(batch);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (fsync && batch.length > 0) {
                channel.force(false);
            }
            if (rotate) {
                channel.close();
                fileNumber++;
                channel = open(fileNumber);
            }
        } catch (IOException e) {
            error = e;
        }
        synchronized (durability) {
            if (error != null) {
                failure = error;
            } else {
                durable = upTo;
            }
            writing = false;
            durability.notifyAll();
        }
    }

    /**
     * Makes the store hold everything journalled until now and drops the journal files that only held
     * that. Records appended meanwhile go to the next file, which the next checkpoint drops.
     */
    void checkpoint(MVStore store) {
        synchronized (durability) {
            while (writing) {
                try {
                    durability.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (failure != null) {
                return;
            }
            writing = true;
        }
        long before = fileNumber;
        // Every record written here was applied to its map before it was appended, so the commit below holds it.
        writeBatch(true);
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
        store.sync();
        try {
            for (Path file : files(dir)) {
                if (number(file) <= before) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // left for the next checkpoint; replaying it again is harmless
        }
    }

    long fileNumber() {
        synchronized (durability) {
            return fileNumber;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (durability) {
            channel.close();
        }
    }

    /** After the store was closed cleanly: nothing left to replay. */
    void deleteFiles() throws IOException {
        for (Path file : files(dir)) {
            Files.deleteIfExists(file);
        }
    }

    private FileChannel open(long number) throws IOException {
        return FileChannel.open(dir.resolve(PREFIX + number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> number(p) >= 0)
                    .sorted((a, b) -> Long.compare(number(a), number(b)))
                    .toList();
        }
    }

    private static long number(Path file) {
        try {
            return Long.parseLong(file.getFileName().toString().substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ records

    static byte[] encode(String map, Object key, Object value) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeUTF(map);
            byte[] keyBytes = BsonCollection.encode(new Document("k", key));
            out.writeInt(keyBytes.length);
            out.write(keyBytes);
            if (value == null) {
                out.writeByte(REMOVED);
            } else if (value instanceof byte[] bytes) {
                out.writeByte(BYTES);
                out.writeInt(bytes.length);
                out.write(bytes);
            } else if (value instanceof Number number) {
                out.writeByte(LONG);
                out.writeLong(number.longValue());
            } else {
                throw new IllegalArgumentException("Cannot journal a " + value.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer frame = ByteBuffer.allocate(8 + body.length);
        frame.putInt(body.length).putInt((int) crc.getValue()).put(body);
        return frame.array();
    }

    /** Applies the records of one file in order; stops at the first incomplete or damaged one (the write the kill cut short). */
    static long replay(Path file, MVStore store) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(all);
        long count = 0;
        while (buffer.remaining() >= 8) {
            int length = buffer.getInt();
            int expected = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                break;
            }
            byte[] body = new byte[length];
            buffer.get(body);
            CRC32 crc = new CRC32();
            crc.update(body);
            if ((int) crc.getValue() != expected) {
                break;
            }
            apply(body, store);
            count++;
        }
        return count;
    }

    private static void apply(byte[] body, MVStore store) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            String mapName = in.readUTF();
            byte[] keyBytes = new byte[in.readInt()];
            in.readFully(keyBytes);
            Object key = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(keyBytes)).get("k");
            MVMap<Object, Object> map = store.openMap(mapName);
            byte kind = in.readByte();
            switch (kind) {
                case REMOVED -> map.remove(key);
                case BYTES -> {
                    byte[] value = new byte[in.readInt()];
                    in.readFully(value);
                    map.put(key, value);
                }
                case LONG -> map.put(key, Long.valueOf(in.readLong()));
                default -> throw new EOFException("unknown record kind " + kind);
            }
        }
    }
}
