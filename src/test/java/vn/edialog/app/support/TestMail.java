package vn.edialog.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A real SMTP server (GreenMail) in the test JVM, started on first use on a free port and kept for the JVM. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
            server = mail;
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
