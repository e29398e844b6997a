package vn.edialog.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may read the metrics: a client on the server's own host (a local Prometheus or an operator's {@code curl}), and
 * any client that sends HTTP Basic {@code prometheus:<password>} when a password is configured. The password is
 * compared in constant time; the client's address is the connection's own (a proxy in front makes every client
 * remote, which then needs the password).
 */
final class MetricsScrapers {

    static final String USER = "prometheus";

    private final byte[] expected;

    MetricsScrapers(String password) {
        this.expected = password == null || password.isBlank()
                ? null
                : ("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
    }

    boolean allowed(HttpServletRequest request) {
        if (loopback(request.getRemoteAddr())) {
            return true;
        }
        String given = request.getHeader("Authorization");
        return expected != null
                && given != null
                && MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
