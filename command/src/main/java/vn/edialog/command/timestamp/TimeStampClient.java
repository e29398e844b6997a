package vn.edialog.command.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks time-stamp authorities for an RFC 3161 token over some data, in the order configured, until one answers with a
 * token that verifies: for the data's SHA-256 imprint, with a fresh nonce, the authority's certificate requested and,
 * when configured, a policy. An authority that is down, slow, refuses or answers with a token that does not verify is
 * passed over; when none answers, {@link TimeStampUnavailable} says what each did.
 */
public final class TimeStampClient {

    /** The largest response read from an authority: a token with its chain is a few kilobytes. */
    static final int RESPONSE_MAX = 64 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One time-stamp authority: what it answers to a DER request, and its name in messages. */
    public interface Authority {

        byte[] exchange(byte[] request) throws IOException;

        String name();

        /** An authority reached over HTTP (RFC 3161 section 3.4), answering within {@code timeout}. */
        static Authority http(URI url, HttpClient http, Duration timeout) {
            return new Authority() {
                @Override
                public byte[] exchange(byte[] request) throws IOException {
                    HttpRequest post = HttpRequest.newBuilder(url)
                            .timeout(timeout)
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                            .build();
                    try {
                        HttpResponse<byte[]> response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IOException("HTTP " + response.statusCode());
                        }
                        if (response.body().length > RESPONSE_MAX) {
                            throw new IOException("a response of " + response.body().length + " bytes");
                        }
                        return response.body();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }

                @Override
                public String name() {
                    return url.toString();
                }
            };
        }

        /** The product's own authority, asked in the process with the same DER messages. */
        static Authority local(TimeStampAuthority authority, String name) {
            return new Authority() {
                @Override
                public byte[] exchange(byte[] request) {
                    return authority.respond(request);
                }

                @Override
                public String name() {
                    return name;
                }
            };
        }
    }

    private final List<Authority> authorities;
    private final ASN1ObjectIdentifier policy;
    private final TimeStampVerifier verifier;

    /** {@code policy} may be null: the authority's default policy is then accepted. */
    public TimeStampClient(List<Authority> authorities, ASN1ObjectIdentifier policy, TimeStampVerifier verifier) {
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("at least one time-stamp authority is needed");
        }
        this.authorities = List.copyOf(authorities);
        this.policy = policy;
        this.verifier = verifier;
    }

    /** A token and what its verification established. */
    public record Stamped(TimeStampToken token, TimeStampFacts facts) {}

    /** A verified token over {@code data} from the first authority that gives one. */
    public TimeStampToken stamp(byte[] data) {
        return stamped(data).token();
    }

    /** A verified token over {@code data} from the first authority that gives one, with the facts it proves. */
    public Stamped stamped(byte[] data) {
        List<String> failures = new ArrayList<>();
        for (Authority authority : authorities) {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            if (policy != null) {
                generator.setReqPolicy(policy);
            }
            TimeStampRequest request = generator.generate(
                    NISTObjectIdentifiers.id_sha256,
                    TimeStampVerifier.digest("SHA-256", data),
                    new BigInteger(64, RANDOM));
            try {
                TimeStampResponse response = new TimeStampResponse(authority.exchange(request.getEncoded()));
                if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS
                        || response.getTimeStampToken() == null) {
                    throw new TSPException("refused (status " + response.getStatus()
                            + (response.getFailInfo() == null
                                    ? ""
                                    : ", failure " + response.getFailInfo().intValue())
                            + (response.getStatusString() == null ? "" : ": " + response.getStatusString()) + ")");
                }
                // The nonce, imprint and policy asked for.
                response.validate(request);
                TimeStampToken token = response.getTimeStampToken();
                return new Stamped(token, verifier.verify(token, data));
            } catch (IOException | TSPException | TimeStampRefusal | IllegalArgumentException e) {
                failures.add(authority.name() + ": " + e.getMessage());
            }
        }
        throw new TimeStampUnavailable(
                "no time-stamp authority gave a valid token (" + String.join("; ", failures) + ")");
    }

    /** The authorities asked, in order, by name. */
    public List<String> authorities() {
        return authorities.stream().map(Authority::name).toList();
    }
}
