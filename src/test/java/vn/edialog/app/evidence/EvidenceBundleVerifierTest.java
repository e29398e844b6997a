package vn.edialog.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.edialog.app.support.Zips;
import vn.edialog.command.pki.TestPki;

/**
 * What {@code evidence verify} finds in a bundle someone changed or made up: files outside the manifest, altered
 * files, a missing manifest or payload, a misplaced media type, XML entities, bytes that are no container at all.
 */
class EvidenceBundleVerifierTest {

    private static final TestPki PKI = TestPki.shared();
    private static final byte[] PAYLOAD =
            "{\"type\":\"ask\",\"subject\":\"Hoàn thuế\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SIGNATURE = PKI.business().signer().sign(PAYLOAD);
    private static final String PAYLOAD_FILE = "payloads/000-DialogueAsked.json";
    private static final String SIGNATURE_FILE = "META-INF/signature000.p7s";

    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("mimetype", EvidenceBundles.MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII));
        files.put(PAYLOAD_FILE, PAYLOAD);
        files.put(SIGNATURE_FILE, SIGNATURE);
        files.put(EvidenceBundles.MANIFEST, manifest(Map.of(PAYLOAD_FILE, PAYLOAD, SIGNATURE_FILE, SIGNATURE)));
        return files;
    }

    /** An ASiCArchiveManifest as EN 319 162-1 writes one, made here independently of the product's writer. */
    private static byte[] manifest(Map<String, byte[]> covered) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<asic:ASiCManifest xmlns:asic=\"http://uri.etsi.org/02918/v1.2.1#\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n");
        covered.forEach((name, bytes) -> xml.append("<asic:DataObjectReference URI=\"")
                .append(name)
                .append("\"><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>")
                .append(Base64.getEncoder().encodeToString(sha256(bytes)))
                .append("</ds:DigestValue></asic:DataObjectReference>\n"));
        return xml.append("</asic:ASiCManifest>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EvidenceBundleVerifier.Report verify(Map<String, byte[]> files) throws Exception {
        return EvidenceBundleVerifier.verify(
                new ByteArrayInputStream(Zips.zip(files)), Set.of(PKI.trustAnchor()), Instant.now());
    }

    @Test
    void aWholeBundleIsValid() throws Exception {
        EvidenceBundleVerifier.Report report = verify(files());

        assertThat(report.problems()).isEmpty();
        assertThat(report.covered()).isEqualTo(2);
        assertThat(report.archiveTimeStamp()).isNull();
        assertThat(report.signatures()).singleElement().satisfies(check -> {
            assertThat(check.payload()).isEqualTo(PAYLOAD_FILE);
            assertThat(check.outcome().result().valid()).isTrue();
        });
    }

    @Test
    void aFileTheManifestDoesNotNameIsFound() throws Exception {
        Map<String, byte[]> files = files();
        files.put("payloads/001-DialogueAnswered.json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(verify(files).problems())
                .containsExactly("payloads/001-DialogueAnswered.json: not covered by the manifest");
    }

    @Test
    void anAlteredPayloadIsFoundByTheManifestAndByItsSignature() throws Exception {
        Map<String, byte[]> files = files();
        files.put(PAYLOAD_FILE, "{\"type\":\"ask\",\"subject\":\"Hoàn thuế sửa\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(verify(files).problems())
                .anyMatch(p -> p.equals(PAYLOAD_FILE + ": altered (its SHA-256 is not the manifest's)"))
                .anyMatch(p -> p.startsWith(SIGNATURE_FILE + ": bad-signature"));
    }

    @Test
    void withoutItsManifestOrItsPayloadTheBundleIsInvalid() throws Exception {
        Map<String, byte[]> noManifest = files();
        noManifest.remove(EvidenceBundles.MANIFEST);
        Map<String, byte[]> noPayload = files();
        noPayload.remove(PAYLOAD_FILE);

        assertThat(verify(noManifest).problems()).contains(EvidenceBundles.MANIFEST + ": missing");
        assertThat(verify(noPayload).problems())
                .contains(
                        PAYLOAD_FILE + ": named by the manifest but missing",
                        SIGNATURE_FILE + ": no payload payloads/000-*.json to verify it over");
    }

    @Test
    void theMediaTypeMustComeFirst() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PAYLOAD_FILE, PAYLOAD);
        files.putAll(files());

        assertThat(verify(files).problems()).contains("mimetype: not the container's first file");
    }

    @Test
    void aManifestWithADocumentTypeIsRefusedWithoutExpandingAnything() throws Exception {
        Map<String, byte[]> files = files();
        files.put(
                EvidenceBundles.MANIFEST,
                ("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<asic:ASiCManifest xmlns:asic=\"http://uri.etsi.org/02918/v1.2.1#\">&x;"
                                + "</asic:ASiCManifest>")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(verify(files).problems())
                .anyMatch(p -> p.startsWith(EvidenceBundles.MANIFEST + ": unreadable"))
                .noneMatch(p -> p.contains("root:"));
    }

    @Test
    void bytesThatAreNoContainerAreUnreadable() {
        assertThatThrownBy(() -> EvidenceBundleVerifier.verify(
                        new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)),
                        Set.of(PKI.trustAnchor()),
                        Instant.now()))
                .isInstanceOf(EvidenceBundleVerifier.Unreadable.class)
                .hasMessageContaining("not a ZIP container");
    }
}
