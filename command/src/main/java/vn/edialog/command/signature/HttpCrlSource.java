package vn.edialog.command.signature;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches CRLs from http(s) distribution points with {@link HttpClient} and caches each one until its nextUpdate (or
 * for a short time when it has none); a failed fetch keeps serving a cached CRL that is still fresh.
 */
public final class HttpCrlSource implements CrlSource {

    private static final int MAX_CRL_BYTES = 16 * 1024 * 1024;
    private static final Duration NO_NEXT_UPDATE_TTL = Duration.ofMinutes(5);
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(30);

    private record Entry(X509CRL crl, Instant expires) {}

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final ConcurrentHashMap<URI, Entry> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<URI, Instant> failures = new ConcurrentHashMap<>();

    public HttpCrlSource(Duration timeout, Clock clock) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Optional<X509CRL> crlFor(URI distributionPoint, X509Certificate issuer) {
        String scheme = distributionPoint.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry cached = cache.get(distributionPoint);
        if (cached != null && now.isBefore(cached.expires())) {
            return Optional.of(cached.crl());
        }
        Instant failedAt = failures.get(distributionPoint);
        if (failedAt != null && now.isBefore(failedAt.plus(FAILURE_BACKOFF))) {
            return stillFresh(cached, now);
        }
        try {
            X509CRL crl = fetch(distributionPoint);
            Instant expires =
                    crl.getNextUpdate() != null ? crl.getNextUpdate().toInstant() : now.plus(NO_NEXT_UPDATE_TTL);
            cache.put(distributionPoint, new Entry(crl, expires));
            failures.remove(distributionPoint);
            return Optional.of(crl);
        } catch (IOException | CRLException | RuntimeException e) {
            failures.put(distributionPoint, now);
            return stillFresh(cached, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stillFresh(cached, now);
        }
    }

    private static Optional<X509CRL> stillFresh(Entry cached, Instant now) {
        if (cached != null
                && cached.crl().getNextUpdate() != null
                && now.isBefore(cached.crl().getNextUpdate().toInstant())) {
            return Optional.of(cached.crl());
        }
        return Optional.empty();
    }

    private X509CRL fetch(URI uri) throws IOException, InterruptedException, CRLException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + uri);
            }
            byte[] body = in.readNBytes(MAX_CRL_BYTES + 1);
            if (body.length > MAX_CRL_BYTES) {
                throw new IOException("CRL too large at " + uri);
            }
            return PemFiles.parseCrls(body).stream()
                    .findFirst()
                    .orElseThrow(() -> new CRLException("no CRL at " + uri));
        }
    }

    /** Forgets every cached CRL. */
    public void clear() {
        cache.clear();
        failures.clear();
    }
}
