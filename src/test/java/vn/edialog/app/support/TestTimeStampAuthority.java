package vn.edialog.app.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.timestamp.TimeStampAuthority;

/**
 * A real RFC 3161 authority over HTTP for the tests: the test PKI's time-stamping key behind the JDK's HTTP server,
 * answering 503 while {@link #down(boolean)} says so.
 */
public final class TestTimeStampAuthority implements AutoCloseable {

    private final AtomicBoolean down = new AtomicBoolean();
    private final HttpServer server;

    private TestTimeStampAuthority(HttpServer server) {
        this.server = server;
    }

    /** Started on a free local port. */
    public static TestTimeStampAuthority start() {
        TimeStampAuthority tsa = new TimeStampAuthority(
                TestPki.shared().timeStamping(), TimeStampAuthority.DEMO_POLICY, Clock.systemUTC());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestTimeStampAuthority authority = new TestTimeStampAuthority(server);
            server.createContext("/tsa", exchange -> {
                byte[] request = exchange.getRequestBody().readAllBytes();
                if (authority.down.get()) {
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    byte[] reply = tsa.respond(request);
                    exchange.sendResponseHeaders(200, reply.length);
                    exchange.getResponseBody().write(reply);
                }
                exchange.close();
            });
            server.start();
            return authority;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its address, for {@code edialog.tsa.urls}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    /** Whether it answers 503 from now on. */
    public void down(boolean down) {
        this.down.set(down);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
