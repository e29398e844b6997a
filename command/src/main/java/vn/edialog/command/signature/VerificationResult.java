package vn.edialog.command.signature;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The outcome of a CLI-style verification: valid, or the refusal reason (null when valid) with an English detail;
 * facts are human-readable lines about the signer, path and revocation checks.
 */
public record VerificationResult(
        boolean valid,
        RefusalReason reason,
        String detail,
        List<String> facts,
        SignerFacts signer,
        SignerIdentity identity,
        List<X509Certificate> path) {

    public VerificationResult {
        facts = List.copyOf(facts);
        path = List.copyOf(path);
    }

    /** "valid" or the refusal code. */
    public String code() {
        return valid ? "valid" : reason.code();
    }

    static VerificationResult valid(
            String detail,
            List<String> facts,
            SignerFacts signer,
            SignerIdentity identity,
            List<X509Certificate> path) {
        return new VerificationResult(true, null, detail, facts, signer, identity, path);
    }

    static VerificationResult refused(SignatureRefusal r, List<String> facts, SignerFacts signer) {
        return new VerificationResult(false, r.reason(), r.getMessage(), facts, signer, null, List.of());
    }
}
