package vn.edialog.command.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a signed envelope before anything is stored: base64, size, canonical JSON, payload fields, CMS signature
 * and algorithms, certification path, validity, revocation and key usage for the payload's tenant, clock skew and
 * signer identity. Thread-safe; nonce replay is checked by the store, not here.
 */
public final class EnvelopeVerifier {

    private final SignaturePolicy policy;
    private final TrustAnchors anchors;
    private final Revocation revocation;
    private final Clock clock;
    private final IdentityIssuers issuers;
    private final ConcurrentHashMap<String, AnchorIndex> anchorCache = new ConcurrentHashMap<>();

    /** A verifier accepting every identity type from every CA that chains to the tenant's anchors. */
    public EnvelopeVerifier(SignaturePolicy policy, TrustAnchors anchors, CrlSource crls, Clock clock) {
        this(policy, anchors, crls, clock, IdentityIssuers.any());
    }

    /** A verifier accepting each identity type only from the CAs {@code issuers} names for it. */
    public EnvelopeVerifier(
            SignaturePolicy policy, TrustAnchors anchors, CrlSource crls, Clock clock, IdentityIssuers issuers) {
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.revocation = Revocation.source(Objects.requireNonNull(crls, "crls"), policy.revocation());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The policy this verifier applies. */
    public SignaturePolicy policy() {
        return policy;
    }

    /** Verifies the envelope; throws {@link SignatureRefusal} with the first failed check. */
    public VerifiedEnvelope verify(Envelope envelope) {
        if (envelope == null || envelope.payload() == null || envelope.signature() == null) {
            throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "payload and signature are required");
        }
        byte[] payload = decode(envelope.payload(), policy.maxPayloadBytes(), "payload");
        byte[] signature = decode(envelope.signature(), policy.maxSignatureBytes(), "signature");
        if (payload.length > policy.maxPayloadBytes()) {
            throw tooLarge("payload", payload.length, policy.maxPayloadBytes());
        }
        if (signature.length > policy.maxSignatureBytes()) {
            throw tooLarge("signature", signature.length, policy.maxSignatureBytes());
        }
        JsonNode json = CanonicalJson.parseCanonical(payload);
        PayloadFields fields = PayloadFields.of(json);

        CmsSignatureVerifier.CmsOutcome cms =
                CmsSignatureVerifier.verifySignature(signature, payload, List.of(), true, policy.minRsaBits());

        Instant now = clock.instant();
        AnchorIndex index = anchorsFor(fields.tenant());
        if (index.isEmpty()) {
            throw new SignatureRefusal(
                    RefusalReason.UNTRUSTED, "no trust anchors are configured for tenant " + fields.tenant());
        }
        List<X509Certificate> path = CertificatePathChecker.validate(
                cms.signer(),
                cms.certificates(),
                index,
                revocation,
                now,
                Profile.EDIALOG,
                policy.minRsaBits(),
                new ArrayList<>(4));

        Duration skew = policy.maxSkew();
        if (Duration.between(fields.signedAt(), now).abs().compareTo(skew) > 0) {
            throw new SignatureRefusal(
                    RefusalReason.SKEW,
                    "signedAt " + fields.signedAt() + " is more than " + skew + " away from the server time " + now);
        }
        if (cms.signingTime() != null
                && Duration.between(fields.signedAt(), cms.signingTime()).abs().compareTo(skew) > 0) {
            throw new SignatureRefusal(
                    RefusalReason.SKEW,
                    "CMS signing-time " + cms.signingTime() + " is more than " + skew + " away from signedAt "
                            + fields.signedAt());
        }
        SignerIdentity identity = SignerIdentity.fromCertificate(cms.signer())
                .orElseThrow(() -> new SignatureRefusal(
                        RefusalReason.IDENTITY_MISMATCH, "signer certificate has no MST/CCCD/CMND/MNS identity (UID)"));
        checkIssuer(fields.tenant(), identity, path);
        return new VerifiedEnvelope(
                payload,
                signature,
                json,
                fields.type(),
                fields.tenant(),
                fields.dialogueId(),
                fields.nonce(),
                fields.signedAt(),
                identity,
                CmsSignatureVerifier.facts(cms),
                path);
    }

    /** The signer's direct issuer (second in the path, which ends with the anchor's certificate) must be a CA
     * configured for the identity's type. */
    private void checkIssuer(String tenant, SignerIdentity identity, List<X509Certificate> path) {
        IdentityType type = IdentityType.of(identity.scheme());
        X509Certificate leaf = path.get(0);
        X509Certificate issuer = path.size() > 1 ? path.get(1) : null;
        if (issuer == null || !issuers.allows(tenant, type, issuer.getSubjectX500Principal(), issuer.getPublicKey())) {
            throw new SignatureRefusal(
                    RefusalReason.IDENTITY_NOT_TRUSTED_FROM_ISSUER,
                    "a " + type.key() + " identity (" + identity.id() + ") is not accepted from "
                            + leaf.getIssuerX500Principal().getName() + " for tenant " + tenant);
        }
    }

    private AnchorIndex anchorsFor(String tenant) {
        Set<TrustAnchor> set = anchors.forTenant(tenant);
        if (set == null) {
            set = Set.of();
        }
        AnchorIndex cached = anchorCache.get(tenant);
        if (cached != null && cached.source() == set) {
            return cached;
        }
        AnchorIndex fresh = AnchorIndex.of(set);
        if (anchorCache.size() > 10_000) {
            anchorCache.clear();
        }
        anchorCache.put(tenant, fresh);
        return fresh;
    }

    private static byte[] decode(String base64, int limit, String what) {
        // guard before decoding: base64 of `limit` bytes is at most 4 * ceil(limit / 3) characters
        long maxChars = 4L * ((limit + 2L) / 3L);
        if (base64.length() > maxChars) {
            throw tooLarge(what, (long) base64.length() * 3 / 4, limit);
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SignatureRefusal(RefusalReason.BAD_ENCODING, what + " is not valid base64", e);
        }
    }

    private static SignatureRefusal tooLarge(String what, long size, int limit) {
        return new SignatureRefusal(
                RefusalReason.TOO_LARGE, what + " of about " + size + " bytes exceeds the limit of " + limit);
    }
}
