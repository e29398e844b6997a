package vn.edialog.app.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import vn.edialog.command.timestamp.TimeStampAuthority;
import vn.edialog.command.timestamp.TimeStampClient;
import vn.edialog.command.timestamp.TimeStampVerifier;

/**
 * The product's time-stamping: the client of the configured authorities (or of the demo one), the verifier of their
 * tokens with the roots they trust, and the demo authority the embedded default runs and serves at {@code POST
 * /pki/tsa}.
 */
public record TimeStamping(
        Optional<TimeStampClient> client,
        TimeStampVerifier verifier,
        List<X509Certificate> roots,
        Optional<TimeStampAuthority> demoAuthority,
        TimeStampProperties.Mode mode) {

    public TimeStamping {
        roots = List.copyOf(roots);
        if (mode == TimeStampProperties.Mode.REQUIRE && client.isEmpty()) {
            throw new IllegalStateException(
                    "EDIALOG_TSA_MODE=require needs a time-stamp authority: set EDIALOG_TSA_URLS");
        }
    }

    /** Whether a message is accepted only with its time-stamp. */
    public boolean required() {
        return mode == TimeStampProperties.Mode.REQUIRE;
    }

    /** What the start-up log says of it. */
    public String describe() {
        return client.map(c -> "time-stamps from " + String.join(", ", c.authorities())
                        + (required() ? ", required at acceptance" : ", added after acceptance"))
                .orElse("no time-stamp authority configured (EDIALOG_TSA_URLS): signatures are not time-stamped");
    }
}
