package vn.edialog.command.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.command.pki.PkiFactory;
import vn.edialog.command.signature.VerificationContext;
import vn.edialog.command.signature.VerificationResult;

/**
 * A signature made three years ago, stamped by an authority whose certificate lived fourteen months: past that, only
 * an archive time-stamp made while it was valid carries the proof on, as long as the renewing authority's certificate.
 */
class ArchiveRenewalsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant ISSUED = NOW.minus(Duration.ofDays(3 * 365));
    private static final GeneratedPki PKI =
            PkiFactory.generate(URI.create("http://localhost"), Clock.fixed(ISSUED, ZoneOffset.UTC));
    private static final byte[] PAYLOAD = "{\"subject\":\"Hoàn thuế\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SIGNED =
            PKI.business().signer(at(ISSUED.plusSeconds(600))).sign(PAYLOAD);
    /** The first authority: its certificate ends 420 days after the signature. */
    private static final Credential SHORT_LIVED = PkiFactory.timeStamping(
            PKI.officialCa(),
            URI.create("http://localhost/pki/crl/official-ca.crl"),
            ISSUED.minus(Duration.ofDays(1)),
            ISSUED.plus(Duration.ofDays(420)));
    /** The renewing authority, valid for years to come. */
    private static final Credential LONG_LIVED = PkiFactory.timeStamping(
            PKI.officialCa(),
            URI.create("http://localhost/pki/crl/official-ca.crl"),
            ISSUED.plus(Duration.ofDays(300)),
            NOW.plus(Duration.ofDays(5 * 365)));

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static TimeStampToken stamp(Credential authority, byte[] data, Instant when) {
        TimeStampClient client = new TimeStampClient(
                List.of(TimeStampClient.Authority.local(
                        new TimeStampAuthority(authority, TimeStampAuthority.DEMO_POLICY, at(when)), "test")),
                TimeStampAuthority.DEMO_POLICY,
                new TimeStampVerifier(Set.of(PKI.trustAnchor())));
        return client.stamp(data);
    }

    private static byte[] longTerm(TimeStampToken token) {
        List<java.security.cert.X509Certificate> certificates =
                new ArrayList<>(PKI.business().chain());
        certificates.addAll(SHORT_LIVED.chain());
        return CadesSignatures.extend(SIGNED, token, certificates, PKI.crls());
    }

    /** A renewal at {@code when} by {@code authority} over these tokens (and other leaves). */
    private static ArchiveRenewals.Renewal renewal(
            long id, Credential authority, Instant when, List<TimeStampToken> covered) throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        leaves.add(new byte[32]);
        covered.forEach(token -> leaves.add(ArchiveRenewals.digest(token)));
        return new ArchiveRenewals.Renewal(
                id, leaves, stamp(authority, MerkleTree.root(leaves), when).getEncoded());
    }

    private static VerificationContext context(Instant when) {
        return VerificationContext.of(Set.of(PKI.trustAnchor()), when);
    }

    @Test
    void aRenewalMadeWhileTheFirstAuthorityWasValidCarriesTheProofPastIt() throws Exception {
        TimeStampToken token = stamp(SHORT_LIVED, CadesSignatures.signatureValue(SIGNED), ISSUED.plusSeconds(3600));
        byte[] signature = longTerm(token);
        ArchiveRenewals archive = ArchiveRenewals.verify(
                List.of(renewal(1, LONG_LIVED, ISSUED.plus(Duration.ofDays(350)), List.of(token))),
                Set.of(PKI.trustAnchor()));
        assertThat(archive.problems()).isEmpty();

        VerificationResult without =
                new LongTermVerifier(Set.of()).verify(signature, Optional.of(PAYLOAD), context(NOW));
        assertThat(without.valid()).isFalse();
        assertThat(without.facts()).anyMatch(f -> f.contains("no archive time-stamp renews the proof"));

        LongTermVerifier.Outcome renewed =
                new LongTermVerifier(Set.of(), archive).outcome(signature, Optional.of(PAYLOAD), context(NOW));
        assertThat(renewed.result().valid()).as(renewed.result().detail()).isTrue();
        assertThat(renewed.byTimeStamp()).isTrue();
        assertThat(renewed.result().facts())
                .anyMatch(f -> f.contains("renewed by archive time-stamps until "
                        + LONG_LIVED.certificate().getNotAfter().toInstant()));
        assertThat(archive.provenUntil(
                        token, SHORT_LIVED.certificate().getNotAfter().toInstant()))
                .isEqualTo(LONG_LIVED.certificate().getNotAfter().toInstant());
    }

    @Test
    void aRenewalMadeAfterTheFirstAuthorityExpiredRenewsNothing() throws Exception {
        TimeStampToken token = stamp(SHORT_LIVED, CadesSignatures.signatureValue(SIGNED), ISSUED.plusSeconds(3600));
        ArchiveRenewals late = ArchiveRenewals.verify(
                List.of(renewal(1, LONG_LIVED, ISSUED.plus(Duration.ofDays(500)), List.of(token))),
                Set.of(PKI.trustAnchor()));

        VerificationResult result =
                new LongTermVerifier(Set.of(), late).verify(longTerm(token), Optional.of(PAYLOAD), context(NOW));
        assertThat(result.valid()).isFalse();
        assertThat(late.provenUntil(
                        token, SHORT_LIVED.certificate().getNotAfter().toInstant()))
                .isEqualTo(SHORT_LIVED.certificate().getNotAfter().toInstant());
    }

    @Test
    void renewalsChainEachCoveringThePreviousOnesToken() throws Exception {
        TimeStampToken token = stamp(SHORT_LIVED, CadesSignatures.signatureValue(SIGNED), ISSUED.plusSeconds(3600));
        ArchiveRenewals.Renewal first = renewal(1, SHORT_LIVED, ISSUED.plus(Duration.ofDays(100)), List.of(token));
        TimeStampToken firstToken = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(first.token()));
        ArchiveRenewals.Renewal second = renewal(2, LONG_LIVED, ISSUED.plus(Duration.ofDays(400)), List.of(firstToken));
        ArchiveRenewals chain = ArchiveRenewals.verify(List.of(first, second), Set.of(PKI.trustAnchor()));

        assertThat(chain.verified()).hasSize(2);
        assertThat(chain.provenUntil(
                        token, SHORT_LIVED.certificate().getNotAfter().toInstant()))
                .isEqualTo(LONG_LIVED.certificate().getNotAfter().toInstant());
        assertThat(new LongTermVerifier(Set.of(), chain)
                        .verify(longTerm(token), Optional.of(PAYLOAD), context(NOW))
                        .valid())
                .isTrue();
    }

    @Test
    void aRenewalWhoseLeavesWereAlteredVerifiesNothing() throws Exception {
        TimeStampToken token = stamp(SHORT_LIVED, CadesSignatures.signatureValue(SIGNED), ISSUED.plusSeconds(3600));
        ArchiveRenewals.Renewal made = renewal(1, LONG_LIVED, ISSUED.plus(Duration.ofDays(350)), List.of(token));
        List<byte[]> altered = new ArrayList<>(made.leaves());
        altered.set(0, new byte[] {1});
        ArchiveRenewals archive = ArchiveRenewals.verify(
                List.of(new ArchiveRenewals.Renewal(1, altered, made.token())), Set.of(PKI.trustAnchor()));

        assertThat(archive.verified()).isEmpty();
        assertThat(archive.problems()).singleElement().asString().contains("archive time-stamp 1");
        assertThat(archive.provenUntil(
                        token, SHORT_LIVED.certificate().getNotAfter().toInstant()))
                .isEqualTo(SHORT_LIVED.certificate().getNotAfter().toInstant());
    }
}
