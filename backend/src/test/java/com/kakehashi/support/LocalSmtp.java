package com.kakehashi.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for one test class, on a free loopback port so parallel checkouts
 * and test classes never share a mailbox, and the settings that point the application at it.
 */
public final class LocalSmtp {

    private LocalSmtp() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GreenMailExtension on(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** For a {@code TestPropertyProvider}: mail goes to the server on this port. */
    public static Map<String, String> settings(int port) {
        return Map.of("kakehashi.mail.smtp.host", "127.0.0.1", "kakehashi.mail.smtp.port", Integer.toString(port));
    }
}
