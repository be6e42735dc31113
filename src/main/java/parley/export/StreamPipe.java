package parley.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe from a writer thread to the HTTP response: the writer fills 64 KiB chunks, at
 * most {@link #CHUNKS} wait in the queue, so memory stays bounded however large the export. Unlike
 * {@code PipedInputStream} it does not care which thread reads (the server's event loop threads
 * come and go). When the reader closes (the client went away) the writer's next write fails, which
 * ends the export's transaction.
 */
final class StreamPipe {

    static final int CHUNK_BYTES = 1 << 16;
    static final int CHUNKS = 8;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerClosed;
    private volatile IOException failure;

    final OutputStream out = new OutputStream() {
        private byte[] chunk = new byte[CHUNK_BYTES];
        private int size;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            if (size == chunk.length) {
                flushChunk();
            }
            chunk[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == chunk.length) {
                    flushChunk();
                }
                int n = Math.min(len, chunk.length - size);
                System.arraycopy(b, off, chunk, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (size > 0) {
                flushChunk();
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                flush();
                put(END);
            }
        }

        private void flushChunk() throws IOException {
            put(Arrays.copyOf(chunk, size));
            size = 0;
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
            return n < 0 ? -1 : one[0] & 0xFF;
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
                byte[] next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for the export", e);
                }
                if (next == END) {
                    ended = true;
                    if (failure != null) {
                        throw failure;
                    }
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
            queue.clear();
        }
    };

    /** Ends the stream with a failure: the reader gets it as an IOException after what came before. */
    void fail(IOException e) {
        failure = e;
        try {
            out.close();
        } catch (IOException ignored) {
            // The reader has gone; nothing is waiting for the failure.
        }
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (readerClosed) {
                    throw new IOException("The client stopped reading the export");
                }
            }
            if (readerClosed && chunk != END) {
                throw new IOException("The client stopped reading the export");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing the export", e);
        }
    }
}
