package vn.edialog.command.timestamp;

import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.tsp.TimeStampToken;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.RefusalReason;
import vn.edialog.command.signature.SignedContent;
import vn.edialog.command.signature.VerificationContext;
import vn.edialog.command.signature.VerificationResult;

/**
 * Verifies a CMS signature at a time after its certificate may have expired, as ETSI EN 319 102-1 validates a
 * signature with time: when the signature carries a signature-time-stamp that verifies, the time-stamp is a proof of
 * existence of the signature at its time, and a signature whose certificate has expired (or was revoked, or whose
 * revocation data is no longer current) at the verification time is valid when it verifies at the time-stamp's time:
 * with the certificates and CRLs it carries (CAdES-LT) and those given. The proof lasts as long as the authority's
 * certificate; past that, only an archive time-stamp would renew it, and the signature is judged without the proof.
 */
public final class LongTermVerifier {

    /** What a proof of existence before the event overcomes; any other refusal stands. */
    private static final Set<RefusalReason> OVERCOME_BY_TIME =
            EnumSet.of(RefusalReason.EXPIRED, RefusalReason.REVOKED, RefusalReason.REVOCATION_UNKNOWN);

    private final CmsSignatureVerifier signatures = new CmsSignatureVerifier();
    private final Set<TrustAnchor> timeStampRoots;
    private final ArchiveRenewals archive;

    /** {@code timeStampRoots}: the roots of trusted time-stamping authorities, beside the signature's anchors. */
    public LongTermVerifier(Set<TrustAnchor> timeStampRoots) {
        this(timeStampRoots, ArchiveRenewals.none());
    }

    /** With the store's archive time-stamps, which carry a signature-time-stamp's proof past its authority. */
    public LongTermVerifier(Set<TrustAnchor> timeStampRoots, ArchiveRenewals archive) {
        this.timeStampRoots = Set.copyOf(timeStampRoots);
        this.archive = archive;
    }

    /**
     * The verdict, the time-stamp that was checked (null when none verified) and whether the verdict rests on it: a
     * signature refused at the verification time alone but valid at the time-stamp's time.
     */
    public record Outcome(VerificationResult result, TimeStampFacts stamp, boolean byTimeStamp) {}

    /** The verdict on {@code cms} at {@code context.at()}, with the time-stamp it carries. */
    public VerificationResult verify(byte[] cms, Optional<byte[]> detachedContent, VerificationContext context) {
        return outcome(cms, detachedContent, context).result();
    }

    public Outcome outcome(byte[] cms, Optional<byte[]> detachedContent, VerificationContext context) {
        return outcome(cms, SignedContent.of(detachedContent), context);
    }

    /** The verdict on {@code cms} over {@code detachedContent} (bytes, a sealed digest, or encapsulated). */
    public Outcome outcome(byte[] cms, SignedContent detachedContent, VerificationContext context) {
        VerificationResult atTime = signatures.verify(cms, detachedContent, context);
        Optional<TimeStampToken> token;
        List<X509Certificate> carried;
        List<X509CRL> carriedCrls;
        byte[] signatureValue;
        try {
            token = CadesSignatures.signatureTimeStamp(cms);
            carried = CadesSignatures.certificates(cms);
            carriedCrls = CadesSignatures.crls(cms);
            signatureValue = CadesSignatures.signatureValue(cms);
        } catch (IllegalArgumentException e) {
            return new Outcome(token(atTime, "no usable signature-time-stamp: " + e.getMessage()), null, false);
        }
        if (token.isEmpty()) {
            return new Outcome(atTime, null, false);
        }
        Set<TrustAnchor> roots = new HashSet<>(context.anchors());
        roots.addAll(timeStampRoots);
        TimeStampFacts stamp;
        try {
            stamp = new TimeStampVerifier(roots).verify(token.get(), signatureValue);
        } catch (TimeStampRefusal e) {
            return new Outcome(
                    token(atTime, "the signature-time-stamp proves nothing: " + e.getMessage()), null, false);
        }
        String proof = "signature time-stamped at " + stamp.time() + " by " + stamp.authority() + " (serial "
                + stamp.serialNumber().toString(16) + ")";
        if (atTime.valid() || context.at().isBefore(stamp.time()) || !OVERCOME_BY_TIME.contains(atTime.reason())) {
            return new Outcome(token(atTime, proof), stamp, false);
        }
        Instant provenUntil = archive.provenUntil(token.get(), stamp.authorityExpires());
        if (context.at().isAfter(provenUntil)) {
            return new Outcome(
                    token(
                            atTime,
                            proof + ", but the authority's certificate expired on " + stamp.authorityExpires()
                                    + (provenUntil.isAfter(stamp.authorityExpires())
                                            ? " and the archive time-stamps renew the proof only until " + provenUntil
                                            : " and no archive time-stamp renews the proof")),
                    stamp,
                    false);
        }
        if (provenUntil.isAfter(stamp.authorityExpires())) {
            proof += ", renewed by archive time-stamps until " + provenUntil;
        }
        List<X509Certificate> untrusted = new ArrayList<>(context.untrusted());
        untrusted.addAll(carried);
        List<X509CRL> crls = new ArrayList<>(context.crls());
        crls.addAll(carriedCrls);
        VerificationResult whenStamped = signatures.verify(
                cms,
                detachedContent,
                context.withAt(stamp.time()).withUntrusted(untrusted).withCrls(crls));
        if (!whenStamped.valid()) {
            return new Outcome(
                    token(atTime, proof + "; at that time too: " + whenStamped.code() + ": " + whenStamped.detail()),
                    stamp,
                    false);
        }
        List<String> facts = new ArrayList<>(whenStamped.facts());
        facts.add(proof);
        facts.add("at " + context.at() + " alone: " + atTime.code() + ": " + atTime.detail());
        VerificationResult valid = new VerificationResult(
                true,
                null,
                "signature valid: it existed at " + stamp.time() + " (signature-time-stamp), when its certificate was"
                        + " valid" + (crls.isEmpty() ? "" : " and not revoked") + "; at " + context.at() + " "
                        + (atTime.reason() == RefusalReason.EXPIRED
                                ? "the certificate has expired"
                                : atTime.reason() == RefusalReason.REVOKED
                                        ? "the certificate has been revoked since"
                                        : "its revocation data is no longer current"),
                facts,
                whenStamped.signer(),
                whenStamped.identity(),
                whenStamped.path());
        return new Outcome(valid, stamp, true);
    }

    /** {@code result} with one more fact, about its time-stamp. */
    private static VerificationResult token(VerificationResult result, String fact) {
        List<String> facts = new ArrayList<>(result.facts());
        facts.add(fact);
        return new VerificationResult(
                result.valid(),
                result.reason(),
                result.detail(),
                facts,
                result.signer(),
                result.identity(),
                result.path());
    }
}
