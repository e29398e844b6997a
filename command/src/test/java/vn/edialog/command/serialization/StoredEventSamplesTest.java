package vn.edialog.command.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.signature.SignedContent;
import vn.edialog.command.signature.TrustAnchors;
import vn.edialog.command.signature.VerificationContext;

/**
 * Stored samples of every revision of every event (written once by {@link EventSampleWriter} and never rewritten):
 * each still reads into its class, writes back to the same JSON, keeps an intact hash link, and its signature still
 * verifies against the PKI of the day it was made, at the time it was signed.
 */
class StoredEventSamplesTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    record Sample(Path file, JsonNode node) {
        String type() {
            return node.path("payloadType").asText();
        }

        JsonNode payload() {
            return node.path("payload");
        }

        @Override
        public String toString() {
            return file.getParent().getFileName() + "/" + file.getFileName();
        }
    }

    static Path root() throws URISyntaxException {
        return Path.of(
                StoredEventSamplesTest.class.getResource("/event-samples").toURI());
    }

    static Stream<Sample> samples() throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root())) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                samples.add(new Sample(file, JSON.readTree(file.toFile())));
            }
        }
        return samples.stream();
    }

    private static Set<TrustAnchor> anchorsFor(Path sample) {
        List<X509Certificate> roots =
                PemFiles.readCertificates(sample.getParent().resolve("root.pem"));
        return TrustAnchors.anchorsOf(roots);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aStoredEventStillReadsAndWritesTheSameJson(Sample sample) throws Exception {
        Object event = JSON.treeToValue(sample.payload(), Class.forName(sample.type()));
        // Compared as text: the tree of a long that fits an int differs from the parsed tree only in its node class.
        assertThat(JSON.writeValueAsString(event)).isEqualTo(JSON.writeValueAsString(sample.payload()));
        // An older revision reads into today's class through its tolerant defaults (absent fields stay absent).
        assertThat(Integer.parseInt(sample.node().path("revision").asText()))
                .isBetween(
                        1,
                        Integer.parseInt(
                                event.getClass().getAnnotation(Revision.class).value()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aStoredEventsSignatureStillVerifiesAndItsFieldsAreWhatWasSigned(Sample sample) throws Exception {
        Evidence evidence = JSON.treeToValue(sample.payload().path("evidence"), Evidence.class);
        assertThat(EvidenceChain.isIntact(evidence)).isTrue();
        byte[] signature = Base64.getDecoder().decode(evidence.signed().signature());
        List<X509Certificate> chain = new ArrayList<>();
        for (String certificate : evidence.signed().chain()) {
            chain.addAll(PemFiles.parseCertificates(Base64.getDecoder().decode(certificate)));
        }
        if (evidence.signed().sealed()) {
            // A confidential dialogue's event: the signature verifies by the payload's digest, the text is elsewhere.
            var sealed = new CmsSignatureVerifier()
                    .verify(
                            signature,
                            SignedContent.sealed(
                                    HexFormat.of().parseHex(evidence.signed().payloadSha256())),
                            VerificationContext.of(
                                            anchorsFor(sample.file()),
                                            Instant.parse(
                                                    sample.payload().path("at").asText()))
                                    .withUntrusted(chain));
            assertThat(sealed.valid()).as(sealed.detail()).isTrue();
            return;
        }
        byte[] payload = Base64.getDecoder().decode(evidence.signed().payload());
        JsonNode signed = JSON.readTree(payload);
        var at = OffsetDateTime.parse(signed.path("signedAt").asText()).toInstant();
        var result = new CmsSignatureVerifier()
                .verify(
                        signature,
                        Optional.of(payload),
                        VerificationContext.of(anchorsFor(sample.file()), at).withUntrusted(chain));
        assertThat(result.valid()).as(result.detail()).isTrue();
        assertThat(SignedFields.firstMismatch(signed, sample.payload())).isEmpty();
    }

    @Test
    void theSamplesOfEachSetFormUnbrokenChainsPerDialogue() throws Exception {
        Map<String, String> tips = new HashMap<>();
        for (Sample sample : samples().toList()) {
            String key = sample.file().getParent() + "/"
                    + sample.payload().path("dialogueId").asText();
            Evidence evidence = JSON.treeToValue(sample.payload().path("evidence"), Evidence.class);
            assertThat(evidence.previousHash())
                    .as(sample.toString())
                    .isEqualTo(tips.getOrDefault(key, EvidenceChain.GENESIS));
            tips.put(key, evidence.hash());
        }
    }

    @Test
    void aStoredRedactionNamesTheSha256OfTheOriginalSignedQuestionAndAnswer() throws Exception {
        Map<String, String> lastAsked = new HashMap<>();
        Map<String, String> lastAnswered = new HashMap<>();
        int redactions = 0;
        for (Sample sample : samples().toList()) {
            String key = sample.file().getParent() + "/"
                    + sample.payload().path("dialogueId").asText();
            String payload = sample.payload()
                    .path("evidence")
                    .path("signed")
                    .path("payload")
                    .asText();
            String sha256 = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(Base64.getDecoder().decode(payload)));
            if (sample.type().endsWith(".DialogueAsked")) {
                lastAsked.put(key, sha256);
            } else if (sample.type().endsWith(".DialogueAnswered")) {
                lastAnswered.put(key, sha256);
            } else if (sample.payload().has("redaction")) {
                redactions++;
                JsonNode redaction = sample.payload().path("redaction");
                assertThat(redaction.path("questionSha256").asText()).isEqualTo(lastAsked.get(key));
                assertThat(redaction.path("answerSha256").asText()).isEqualTo(lastAnswered.get(key));
                // The redaction and its hashes are what the moderator's key signed.
                JsonNode signed = JSON.readTree(Base64.getDecoder().decode(payload));
                assertThat(signed.path("redaction")).isEqualTo(redaction);
                assertThat(signed.path("question").asText())
                        .isEqualTo(sample.payload().path("question").asText());
            }
        }
        assertThat(redactions).isPositive();
    }

    @Test
    void everyRevisionOfEveryEventHasAStoredSample() throws Exception {
        Set<String> sampled = new HashSet<>();
        samples()
                .forEach(s ->
                        sampled.add(s.type() + "@" + s.node().path("revision").asText()));
        Set<String> events = new HashSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.edialog.command.dialogue.api")) {
            if (type.isAnnotatedWith(Revision.class)) {
                events.add(type.getName() + "@"
                        + type.getAnnotationOfType(Revision.class).value());
            }
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(16);
        assertThat(sampled).containsAll(events);
    }
}
