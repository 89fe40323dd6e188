package io.ringway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written ZMTP 3.0 peer over a plain {@link Socket} on 127.0.0.1, to send bytes no ZeroMQ library would:
 * garbage, impossible frame sizes, oversized frames.
 */
final class RawZmtpPeer implements AutoCloseable
{
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawZmtpPeer(final int port)
    {
        try
        {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Sends a ZMTP 3.0 greeting for the NULL mechanism and READY with the given socket type, then reads the other
     * side's greeting and READY: until both READYs have crossed, a frame is read as a handshake command.
     */
    RawZmtpPeer greet(final String socketType)
    {
        final ByteBuffer greeting = ByteBuffer.allocate(64);
        greeting.put((byte)0xFF).put(new byte[8]).put((byte)0x7F).put((byte)3).put((byte)0);
        greeting.put("NULL".getBytes(StandardCharsets.US_ASCII)).put(new byte[16]);
        greeting.put((byte)0).put(new byte[31]);
        send(greeting.array());

        final byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
        final byte[] type = socketType.getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer ready = ByteBuffer.allocate(2 + 6 + 1 + name.length + 4 + type.length);
        ready.put((byte)0x04).put((byte)(ready.capacity() - 2));
        ready.put((byte)5).put("READY".getBytes(StandardCharsets.US_ASCII));
        ready.put((byte)name.length).put(name).putInt(type.length).put(type);
        send(ready.array());
        readFully(64);
        final byte[] flags = readFully(1);
        final int size = (flags[0] & 0x02) != 0 ? (int)ByteBuffer.wrap(readFully(8)).getLong() : readFully(1)[0] & 0xFF;
        readFully(size);
        return this;
    }

    private byte[] readFully(final int length)
    {
        try
        {
            socket.setSoTimeout(5_000);
            final byte[] bytes = in.readNBytes(length);
            if (bytes.length != length)
            {
                throw new IllegalStateException("connection closed during the handshake");
            }
            return bytes;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Sends one short data frame. */
    RawZmtpPeer frame(final byte[] body)
    {
        final ByteBuffer frame = ByteBuffer.allocate(2 + body.length);
        frame.put((byte)0).put((byte)body.length).put(body);
        return send(frame.array());
    }

    /** Sends a long-frame header (flags 0x02, 8-byte size) and no body. */
    RawZmtpPeer longFrameHeader(final long declaredSize)
    {
        return send(ByteBuffer.allocate(9).put((byte)0x02).putLong(declaredSize).array());
    }

    RawZmtpPeer send(final byte[] bytes)
    {
        try
        {
            out.write(bytes);
            out.flush();
            return this;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Answers each PING with its PONG (ZMTP 3.1, context echoed) and ignores every other frame, for the given
     * time; then it is silent, as a peer stopped with SIGSTOP is, though its connection stays up.
     *
     * @param millis how long to answer.
     * @return how many PINGs it answered.
     */
    int answerPingsFor(final long millis)
    {
        final long deadlineNs = System.nanoTime() + millis * 1_000_000L;
        int pings = 0;
        try
        {
            while (deadlineNs - System.nanoTime() > 0)
            {
                socket.setSoTimeout(10);
                final int flags;
                try
                {
                    flags = in.read();
                }
                catch (final SocketTimeoutException ex)
                {
                    continue; // nothing yet
                }
                if (flags < 0)
                {
                    throw new IllegalStateException("the other side closed the connection");
                }
                final int size = (flags & 0x02) != 0 ?
                    (int)ByteBuffer.wrap(readFully(8)).getLong() : readFully(1)[0] & 0xFF;
                final byte[] body = readFully(size);
                final boolean command = (flags & 0x04) != 0;
                if (command && size >= 7 && "PING".equals(new String(body, 1, 4, StandardCharsets.US_ASCII)))
                {
                    final int contextLength = size - 7;
                    final ByteBuffer pong = ByteBuffer.allocate(2 + 5 + contextLength);
                    pong.put((byte)0x04).put((byte)(5 + contextLength)).put((byte)4);
                    pong.put("PONG".getBytes(StandardCharsets.US_ASCII)).put(body, 7, contextLength);
                    send(pong.array());
                    pings++;
                }
            }
            return pings;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Reads (and ignores) what the other side sends until it closes the connection.
     *
     * @param timeoutMs how long to wait.
     * @return true if the other side closed it within the time.
     */
    boolean awaitClosedByPeer(final long timeoutMs)
    {
        final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
        final byte[] sink = new byte[4096];
        try
        {
            socket.setSoTimeout(50);
            while (deadlineNs - System.nanoTime() > 0)
            {
                try
                {
                    if (in.read(sink) < 0)
                    {
                        return true;
                    }
                }
                catch (final SocketTimeoutException ex)
                {
                    // nothing yet: keep waiting until the deadline
                }
            }
            return false;
        }
        catch (final IOException ex)
        {
            return true; // reset by the other side
        }
    }

    @Override
    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
