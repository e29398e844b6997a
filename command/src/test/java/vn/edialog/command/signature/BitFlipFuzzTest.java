package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.signature.Fixtures.PKI;
import static vn.edialog.command.signature.Fixtures.clockAt;
import static vn.edialog.command.signature.Fixtures.payload;
import static vn.edialog.command.signature.Fixtures.sign;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every single-bit flip of a real envelope (its CMS and its payload, each bit of each byte) is either still valid or
 * refused with a {@link SignatureRefusal}: no other exception, which the intake would answer with a 500.
 */
class BitFlipFuzzTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = clockAt(NOW);

    @Test
    void everySingleBitFlipOfARealEnvelopeIsAcceptedOrRefusedNeverAnotherException() {
        EnvelopeVerifier verifier =
                new EnvelopeVerifier(SignaturePolicy.defaults(), PKI.trustAnchors(), PKI.crlSource(), CLOCK);
        Envelope original = sign(PKI.business(), payload(NOW), CLOCK);
        byte[] payload = Base64.getDecoder().decode(original.payload());
        byte[] cms = Base64.getDecoder().decode(original.signature());
        assertThat(verifier.verify(original).signer().id()).startsWith("MST:");

        List<String> failures = new ArrayList<>();
        int refused = 0;
        int flips = 0;
        for (int part = 0; part < 2; part++) {
            byte[] bytes = part == 0 ? cms : payload;
            for (int bit = 0; bit < bytes.length * 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                Envelope envelope = part == 0
                        ? new Envelope(original.payload(), Base64.getEncoder().encodeToString(flipped))
                        : new Envelope(Base64.getEncoder().encodeToString(flipped), original.signature());
                flips++;
                try {
                    verifier.verify(envelope);
                } catch (SignatureRefusal expected) {
                    refused++;
                } catch (RuntimeException e) {
                    failures.add((part == 0 ? "cms" : "payload") + " bit " + bit + ": " + e);
                }
            }
        }
        assertThat(failures).as("flips that escaped as other exceptions").isEmpty();
        assertThat(flips).isEqualTo((cms.length + payload.length) * 8);
        assertThat(refused).as("nearly every flip is refused").isGreaterThan(flips * 9 / 10);
    }
}
