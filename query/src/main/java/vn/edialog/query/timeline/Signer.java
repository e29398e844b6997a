package vn.edialog.query.timeline;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Who signed an event, as read from the first certificate of its chain: the subject's and the issuer's common names
 * and the serial number (uppercase hex). Facts for display; the signature itself was verified at intake.
 */
public record Signer(String subjectCommonName, String issuerCommonName, String serialNumber) {

    /** The facts of the first certificate of a base64 DER chain, or empty when there is none or it does not parse. */
    public static Optional<Signer> fromChain(List<String> chain) {
        if (chain == null || chain.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] der = Base64.getDecoder().decode(chain.get(0));
            X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return Optional.of(new Signer(
                    commonName(certificate.getSubjectX500Principal()),
                    commonName(certificate.getIssuerX500Principal()),
                    certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT)));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            // Stored evidence is kept as it is; a chain that does not parse only means no signer facts to show.
            return Optional.empty();
        }
    }

    private static String commonName(X500Principal principal) {
        try {
            List<Rdn> rdns = new LdapName(principal.getName(X500Principal.RFC2253)).getRdns();
            // LdapName lists RDNs from the least significant; the CN nearest the leaf is the last one.
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if ("CN".equalsIgnoreCase(rdns.get(i).getType())) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
