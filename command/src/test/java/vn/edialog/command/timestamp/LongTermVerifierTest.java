package vn.edialog.command.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.command.pki.PkiFactory;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.RefusalReason;
import vn.edialog.command.signature.VerificationContext;
import vn.edialog.command.signature.VerificationResult;

/**
 * A signature made three years ago, whose certificate (two years) has expired since: its time-stamp proves it was
 * made while the certificate was valid, unless it was stamped too late or its authority has expired too.
 */
class LongTermVerifierTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant ISSUED = NOW.minus(Duration.ofDays(3 * 365));
    private static final GeneratedPki PKI =
            PkiFactory.generate(URI.create("http://localhost"), Clock.fixed(ISSUED, ZoneOffset.UTC));
    private static final byte[] PAYLOAD = "{\"subject\":\"Đăng ký kinh doanh\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SIGNED =
            PKI.business().signer(at(ISSUED.plusSeconds(600))).sign(PAYLOAD);

    private final LongTermVerifier verifier = new LongTermVerifier(Set.of());

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static VerificationContext today() {
        return VerificationContext.of(Set.of(PKI.trustAnchor()), NOW);
    }

    @Test
    void aSignatureWhoseCertificateHasExpiredIsValidByItsTimeStamp() {
        byte[] longTerm = LongTermSignatures.longTerm(PKI, PKI.business(), SIGNED, at(ISSUED.plusSeconds(3600)));

        LongTermVerifier.Outcome outcome = verifier.outcome(longTerm, Optional.of(PAYLOAD), today());

        assertThat(outcome.result().valid()).as(outcome.result().detail()).isTrue();
        assertThat(outcome.byTimeStamp()).isTrue();
        assertThat(outcome.stamp().time()).isEqualTo(ISSUED.plusSeconds(3600));
        assertThat(outcome.result().detail())
                .startsWith("signature valid: it existed at " + ISSUED.plusSeconds(3600))
                .contains("not revoked", "the certificate has expired");
        assertThat(outcome.result().facts())
                .anyMatch(f -> f.startsWith("signature time-stamped at"))
                .anyMatch(f -> f.startsWith("at " + NOW + " alone: expired"))
                .anyMatch(f -> f.startsWith("not revoked: "));
        assertThat(outcome.result().identity().id()).isEqualTo("MST:" + GeneratedPki.BUSINESS_MST);
    }

    @Test
    void withoutATimeStampTheSameSignatureIsExpired() {
        VerificationResult result = verifier.verify(SIGNED, Optional.of(PAYLOAD), today());

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(RefusalReason.EXPIRED);
    }

    @Test
    void aTimeStampTakenAfterTheCertificateExpiredProvesNothingForIt() {
        Instant late = ISSUED.plus(Duration.ofDays(800));
        byte[] stampedLate =
                CadesSignatures.extend(SIGNED, LongTermSignatures.stamp(PKI, SIGNED, at(late)), List.of(), List.of());

        LongTermVerifier.Outcome outcome = verifier.outcome(stampedLate, Optional.of(PAYLOAD), today());

        assertThat(outcome.result().valid()).isFalse();
        assertThat(outcome.result().reason()).isEqualTo(RefusalReason.EXPIRED);
        assertThat(outcome.byTimeStamp()).isFalse();
        assertThat(outcome.result().facts()).anyMatch(f -> f.contains("at that time too: expired"));
    }

    @Test
    void theProofEndsWithTheAuthoritysCertificateWhenNoArchiveTimeStampRenewsIt() {
        byte[] longTerm = LongTermSignatures.longTerm(PKI, PKI.business(), SIGNED, at(ISSUED.plusSeconds(3600)));
        Instant afterAuthority =
                PKI.timeStamping().certificate().getNotAfter().toInstant().plusSeconds(1);

        VerificationResult result = verifier.verify(longTerm, Optional.of(PAYLOAD), today().withAt(afterAuthority));

        assertThat(result.valid()).isFalse();
        assertThat(result.facts()).anyMatch(f -> f.contains("no archive time-stamp renews the proof"));
    }

    @Test
    void aTamperedPayloadIsNotRescuedByItsTimeStamp() {
        byte[] longTerm = LongTermSignatures.longTerm(PKI, PKI.business(), SIGNED, at(ISSUED.plusSeconds(3600)));
        byte[] other = "{\"subject\":\"Đăng ký đầu tư\"}".getBytes(StandardCharsets.UTF_8);

        VerificationResult result = verifier.verify(longTerm, Optional.of(other), today());

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void extendingKeepsWhatWasSignedAndAddsEachValueOnce() throws Exception {
        byte[] longTerm = LongTermSignatures.longTerm(PKI, PKI.business(), SIGNED, at(ISSUED.plusSeconds(3600)));
        byte[] again = CadesSignatures.extend(
                longTerm,
                LongTermSignatures.stamp(PKI, SIGNED, at(ISSUED.plusSeconds(7200))),
                PKI.business().chain(),
                PKI.crls());

        assertThat(CadesSignatures.signatureValue(longTerm)).isEqualTo(CadesSignatures.signatureValue(SIGNED));
        assertThat(again).isEqualTo(longTerm);
        assertThat(CadesSignatures.crls(longTerm)).hasSize(3);
        assertThat(CadesSignatures.certificates(longTerm))
                .contains(PKI.timeStamping().certificate(), PKI.root().certificate());
        assertThat(new CMSSignedData(longTerm)
                        .getSignerInfos()
                        .getSigners()
                        .iterator()
                        .next()
                        .getUnsignedAttributes()
                        .size())
                .isEqualTo(1);
        VerificationResult whenSigned = new CmsSignatureVerifier()
                .verify(longTerm, Optional.of(PAYLOAD), today().withAt(ISSUED.plusSeconds(1200)));
        assertThat(whenSigned.valid()).as(whenSigned.detail()).isTrue();
    }

    @Test
    void aTimeStampOfAnotherSignatureIsNotAttached() {
        byte[] other = PKI.citizen().signer(at(ISSUED.plusSeconds(900))).sign(PAYLOAD);

        assertThatThrownBy(() -> CadesSignatures.extend(
                        SIGNED,
                        LongTermSignatures.stamp(PKI, other, at(ISSUED.plusSeconds(3600))),
                        List.of(),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not over this signature's value");
    }
}
