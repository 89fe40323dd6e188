package io.ringway.transport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a ZMTP 3.0 peer opens with (RFC 23): the 64-byte greeting for the NULL mechanism and its READY
 * command naming a socket type. A fuzz input that starts after them reaches the frame decoder; one without them
 * reaches the greeting's checks.
 */
final class ZmtpPreamble
{
    static final int GREETING_LENGTH = 64;

    private ZmtpPreamble()
    {
    }

    /** @return signature, version 3.0, mechanism {@code NULL}, as-server 0, padding. */
    static byte[] greeting()
    {
        final byte[] greeting = new byte[GREETING_LENGTH];
        greeting[0] = (byte)0xFF;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        final byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mechanism, 0, greeting, 12, mechanism.length);
        return greeting;
    }

    /**
     * @param socketType e.g. {@code PUSH}: a type the bound socket accepts as its peer.
     * @return the greeting, then a READY command with the one property {@code Socket-Type}.
     */
    static byte[] greetingAndReady(final String socketType)
    {
        final byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
        final byte[] type = socketType.getBytes(StandardCharsets.US_ASCII);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(greeting());
        bytes.write(0x04); // a short command
        bytes.write(1 + 5 + 1 + name.length + 4 + type.length);
        bytes.write(5);
        bytes.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
        bytes.write(name.length);
        bytes.writeBytes(name);
        bytes.writeBytes(new byte[] { 0, 0, 0, (byte)type.length });
        bytes.writeBytes(type);
        return bytes.toByteArray();
    }
}
