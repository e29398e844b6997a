package vn.edialog.command.signature;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The signer's identity from the subject UID attribute ("MST:0101234567" etc.); name = CN, organization = O. */
public record SignerIdentity(IdentityScheme scheme, String value, String name, String organization) {

    private static final Pattern MST = Pattern.compile("(\\d{10}|\\d{13})(-\\d{3})?");
    private static final Pattern CCCD = Pattern.compile("\\d{12}");
    private static final Pattern CMND = Pattern.compile("\\d{9}|\\d{12}");
    private static final Pattern MNS = Pattern.compile("\\d{7}");

    public SignerIdentity {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
    }

    /** The identity as "SCHEME:value", e.g. "MST:0101234567". */
    public String id() {
        return scheme.name() + ":" + value;
    }

    /** Parses "MST:0101234567", "CCCD:001234567890", "CMND:123456789" or "MNS:1234567"; empty when invalid. */
    public static Optional<IdentityScheme> schemeOf(String uid) {
        int colon = uid == null ? -1 : uid.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = uid.substring(0, colon);
        String rest = uid.substring(colon + 1);
        IdentityScheme scheme;
        Pattern pattern;
        switch (prefix) {
            case "MST" -> {
                scheme = IdentityScheme.MST;
                pattern = MST;
            }
            case "CCCD" -> {
                scheme = IdentityScheme.CCCD;
                pattern = CCCD;
            }
            case "CMND" -> {
                scheme = IdentityScheme.CMND;
                pattern = CMND;
            }
            case "MNS" -> {
                scheme = IdentityScheme.MNS;
                pattern = MNS;
            }
            default -> {
                return Optional.empty();
            }
        }
        return pattern.matcher(rest).matches() ? Optional.of(scheme) : Optional.empty();
    }

    /** Extracts the identity from the certificate subject, or empty when no UID value matches a known scheme. */
    public static Optional<SignerIdentity> fromCertificate(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String cn = first(subject, BCStyle.CN);
        String o = first(subject, BCStyle.O);
        for (RDN rdn : subject.getRDNs(BCStyle.UID)) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (!atv.getType().equals(BCStyle.UID)) {
                    continue;
                }
                String uid = text(atv.getValue());
                if (uid == null) {
                    continue;
                }
                uid = uid.trim();
                Optional<IdentityScheme> scheme = schemeOf(uid);
                if (scheme.isPresent()) {
                    return Optional.of(new SignerIdentity(scheme.get(), uid.substring(uid.indexOf(':') + 1), cn, o));
                }
            }
        }
        return Optional.empty();
    }

    private static String first(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        for (RDN rdn : name.getRDNs(type)) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type)) {
                    return text(atv.getValue());
                }
            }
        }
        return null;
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String s ? s.getString() : null;
    }
}
