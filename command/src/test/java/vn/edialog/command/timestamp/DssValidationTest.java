package vn.edialog.command.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.command.pki.PkiFactory;

/**
 * The EU's reference validator (DSS, ETSI EN 319 102-1) judges the signatures the product keeps, given only the demo
 * root, nothing online: at CAdES-BASELINE-LT they pass today and five years on, when every demo signer's certificate
 * has expired; at CAdES-BASELINE-B (what a stored signature is without its evidence) they do not.
 */
class DssValidationTest {

    private static final GeneratedPki PKI = PkiFactory.generate(URI.create("http://localhost"));
    private static final byte[] PAYLOAD =
            "{\"subject\":\"Thủ tục cấp phép xây dựng\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant FIVE_YEARS_ON = Instant.now().plus(Duration.ofDays(5 * 365 + 2));

    /** Signed three minutes ago, stamped two minutes ago; the CRLs the PKI issues now come after the stamp. */
    private static byte[] longTerm(Credential signer) {
        byte[] cms = signer.signer(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-3)))
                .sign(PAYLOAD);
        return LongTermSignatures.longTerm(PKI, signer, cms, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)));
    }

    private static SimpleReport validate(byte[] cms, Instant at) {
        return Dss.validate(cms, PAYLOAD, PKI.root().certificate(), at);
    }

    private static String verdict(SimpleReport report) {
        return Dss.verdict(report);
    }

    @Test
    void aBusinessSignatureAtLtPassesTodayAndFiveYearsOn() {
        byte[] cms = longTerm(PKI.business());

        SimpleReport today = validate(cms, Instant.now());
        SimpleReport later = validate(cms, FIVE_YEARS_ON);

        assertThat(today.getIndication(today.getFirstSignatureId()))
                .as(verdict(today))
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(today.getSignatureFormat(today.getFirstSignatureId())).isEqualTo(SignatureLevel.CAdES_BASELINE_LT);
        assertThat(PKI.business().certificate().getNotAfter().toInstant()).isBefore(FIVE_YEARS_ON);
        assertThat(later.getIndication(later.getFirstSignatureId()))
                .as(verdict(later))
                .isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void theAgencysAndTheSystemsSignaturesAtLtPassFiveYearsOn() {
        for (Credential signer : List.of(PKI.agency(), PKI.system(), PKI.citizen())) {
            SimpleReport later = validate(longTerm(signer), FIVE_YEARS_ON);

            assertThat(later.getIndication(later.getFirstSignatureId()))
                    .as(signer.certificate().getSubjectX500Principal() + ": " + verdict(later))
                    .isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void theSameSignatureAtBaselineBIsNotValidOnceItsCertificateHasExpired() {
        byte[] cms = PKI.business().signer().sign(PAYLOAD);

        SimpleReport later = validate(cms, FIVE_YEARS_ON);

        assertThat(later.getIndication(later.getFirstSignatureId()))
                .as(verdict(later))
                .isNotEqualTo(Indication.TOTAL_PASSED);
    }
}
