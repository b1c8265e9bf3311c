package org.knead.store.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The disk's own floor for the store benchmark: a record appended to a file and synced
 * ({@code FileChannel.force(false)}, i.e. {@code fdatasync}) before {@link #append} returns. Concurrent
 * callers share a write and a sync as a group commit does: a caller whose record is not yet synced
 * waits for the sync under way, then the first one in line writes every waiting record and syncs
 * once for all of them. No store, no serialization: what is left is what the disk itself costs.
 */
final class RawDiskLog implements AutoCloseable {

    private final FileChannel channel;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final List<ByteBuffer> pending = new ArrayList<>();
    private long lastTicket;
    private long durableTicket;

    RawDiskLog(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Appends the record and returns once it is on the disk. */
    void append(byte[] record) {
        long ticket;
        synchronized (pending) {
            pending.add(ByteBuffer.wrap(record));
            ticket = ++lastTicket;
        }
        syncLock.lock();
        try {
            if (durableTicket >= ticket) {
                return; // the sync of another caller held it
            }
            ByteBuffer[] batch;
            long covered;
            synchronized (pending) {
                batch = pending.toArray(ByteBuffer[]::new);
                pending.clear();
                covered = lastTicket;
            }
            long left = 0;
            for (ByteBuffer b : batch) {
                left += b.remaining();
            }
            while (left > 0) {
                left -= channel.write(batch);
            }
            channel.force(false);
            durableTicket = covered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            syncLock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
