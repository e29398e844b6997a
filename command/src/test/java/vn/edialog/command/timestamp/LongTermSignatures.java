package vn.edialog.command.timestamp;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.tsp.TimeStampToken;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.GeneratedPki;

/** Test signatures at CAdES-B, -T and -LT, made with a generated PKI, its authority and its CRLs. */
final class LongTermSignatures {

    private LongTermSignatures() {}

    /** A signature-time-stamp over {@code cms}'s signature value by {@code pki}'s authority, at {@code clock}. */
    static TimeStampToken stamp(GeneratedPki pki, byte[] cms, Clock clock) {
        TimeStampAuthority authority =
                new TimeStampAuthority(pki.timeStamping(), TimeStampAuthority.DEMO_POLICY, clock);
        TimeStampClient client = new TimeStampClient(
                List.of(TimeStampClient.Authority.local(authority, "demo")),
                TimeStampAuthority.DEMO_POLICY,
                new TimeStampVerifier(Set.of(pki.trustAnchor())));
        return client.stamp(CadesSignatures.signatureValue(cms));
    }

    /**
     * {@code cms} of {@code signer} at CAdES-BASELINE-LT: time-stamped at {@code stampClock}, with the signer's and
     * the authority's paths and the PKI's current CRLs (issued after the stamp when the PKI's clock says so).
     */
    static byte[] longTerm(GeneratedPki pki, Credential signer, byte[] cms, Clock stampClock) {
        TimeStampToken token = stamp(pki, cms, stampClock);
        List<X509Certificate> certificates = new ArrayList<>(signer.chain());
        certificates.addAll(pki.timeStamping().chain());
        return CadesSignatures.extend(cms, token, certificates, pki.crls());
    }
}
