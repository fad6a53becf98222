package com.kakehashi.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe from the thread that writes an export to the one the server reads the response
 * body on: at most {@code CHUNKS} chunks of {@code CHUNK} bytes are in memory, whatever the export's
 * size. java.io's piped streams are not used: they fail once the thread that last read has ended,
 * and the server reads on short-lived virtual threads.
 */
final class ExportPipe {

    static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 8;
    private static final byte[] END = new byte[0];
    private static final long ABANDONED_AFTER_SECONDS = 120;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerClosed;
    private volatile Throwable failure;

    final OutputStream out = new OutputStream() {
        private byte[] buffer = new byte[CHUNK];
        private int used;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CHUNK - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
                if (used == CHUNK) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (used > 0) {
                put(Arrays.copyOf(buffer, used));
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
            put(END);
        }
    };

    final InputStream in = new InputStream() {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                byte[] next = take();
                if (next == END) {
                    ended = true;
                    return -1;
                }
                current = next;
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            chunks.clear();
        }
    };

    /** The writer failed: the reader gets an IOException instead of a zip that merely looks short. */
    void fail(Throwable cause) {
        failure = cause;
        chunks.clear();
        chunks.offer(END);
    }

    private void put(byte[] chunk) throws IOException {
        try {
            long waited = 0;
            while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (readerClosed || ++waited > ABANDONED_AFTER_SECONDS) {
                    throw new IOException("the export's reader is gone");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while exporting", e);
        }
    }

    private byte[] take() throws IOException {
        try {
            byte[] next = chunks.take();
            if (failure != null) {
                throw new IOException("the export failed", failure);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the export", e);
        }
    }
}
