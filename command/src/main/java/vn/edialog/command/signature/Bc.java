package vn.edialog.command.signature;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The shared Bouncy Castle provider instance and a small cache of parsed certificates. */
final class Bc {

    /** The BC provider; registered (appended, lowest priority) so BC certificate objects verify with BC. */
    static final Provider PROVIDER;

    private static final int CACHE_LIMIT = 1024;
    private static final ConcurrentHashMap<ByteBuffer, X509Certificate> CERTS = new ConcurrentHashMap<>();
    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509", Bc.PROVIDER);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    });

    static {
        Provider p = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (p == null) {
            p = new BouncyCastleProvider();
            Security.addProvider(p);
        }
        PROVIDER = p;
    }

    private Bc() {}

    static CertificateFactory certificateFactory() {
        return FACTORY.get();
    }

    /** Parses a DER certificate, reusing the parsed object for bytes seen before. */
    static X509Certificate certificate(byte[] der) throws CertificateException {
        ByteBuffer key = ByteBuffer.wrap(der);
        X509Certificate cached = CERTS.get(key);
        if (cached != null) {
            return cached;
        }
        X509Certificate parsed =
                (X509Certificate) certificateFactory().generateCertificate(new ByteArrayInputStream(der));
        if (parsed == null) {
            throw new CertificateException("no certificate");
        }
        if (CERTS.size() >= CACHE_LIMIT) {
            CERTS.clear();
        }
        CERTS.put(ByteBuffer.wrap(der.clone()), parsed);
        return parsed;
    }
}
