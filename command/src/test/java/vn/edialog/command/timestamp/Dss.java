package vn.edialog.command.timestamp;

import eu.europa.esig.dss.cades.validation.CMSDocumentValidator;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The EU's reference validator (DSS, ETSI EN 319 102-1) as the tests' independent judge of a detached CAdES
 * signature: trusting only the given root, with nothing fetched online, at a chosen validation time.
 */
public final class Dss {

    private Dss() {}

    /** DSS's simple report on {@code cms} over {@code content}, trusting {@code root}, validated at {@code at}. */
    public static SimpleReport validate(byte[] cms, byte[] content, X509Certificate root, Instant at) {
        CMSDocumentValidator validator = new CMSDocumentValidator(new InMemoryDocument(cms));
        validator.setDetachedContents(List.of(new InMemoryDocument(content)));
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        validator.setCertificateVerifier(verifier);
        validator.setValidationTime(Date.from(at));
        return validator.validateDocument().getSimpleReport();
    }

    /** "TOTAL_PASSED / null CAdES-BASELINE-LT, errors [...], warnings [...]" of the report's first signature. */
    public static String verdict(SimpleReport report) {
        String id = report.getFirstSignatureId();
        return report.getIndication(id) + " / " + report.getSubIndication(id) + " " + report.getSignatureFormat(id)
                + ", errors "
                + report.getAdESValidationErrors(id).stream()
                        .map(Message::getValue)
                        .toList()
                + ", warnings "
                + report.getAdESValidationWarnings(id).stream()
                        .map(Message::getValue)
                        .toList();
    }
}
