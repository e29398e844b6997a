package vn.edialog.app.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.edialog.command.signature.VerificationContext;
import vn.edialog.command.timestamp.LongTermVerifier;
import vn.edialog.command.timestamp.TimeStampFacts;
import vn.edialog.command.timestamp.TimeStampRefusal;
import vn.edialog.command.timestamp.TimeStampVerifier;

/**
 * Verifies an evidence bundle ({@link EvidenceBundles}) offline, with nothing but trust anchors: the container's
 * media type, that its manifest covers every file with the right SHA-256, the manifest's archive time-stamp, and each
 * signature over its payload with {@link LongTermVerifier} (valid by its time-stamp once its certificate has expired).
 */
public final class EvidenceBundleVerifier {

    private static final String ASIC = "http://uri.etsi.org/02918/v1.2.1#";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final int MAX_ENTRIES = 10_000;
    private static final long MAX_BYTES = 1L << 30;

    /** One signature of the bundle: its file, the payload it signs, and the verdict. */
    public record SignatureCheck(String file, String payload, LongTermVerifier.Outcome outcome) {}

    /** What the bundle proves; {@code problems} is empty when it is valid. */
    public record Report(
            List<SignatureCheck> signatures, int covered, TimeStampFacts archiveTimeStamp, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The bundle cannot be read at all (not a ZIP, too large). */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private EvidenceBundleVerifier() {}

    public static Report verify(InputStream bundle, Set<TrustAnchor> anchors, Instant at) {
        Map<String, byte[]> files = read(bundle);
        List<String> problems = new ArrayList<>();
        if (!EvidenceBundles.MEDIA_TYPE.equals(
                new String(files.getOrDefault("mimetype", new byte[0]), StandardCharsets.US_ASCII))) {
            problems.add("mimetype: not " + EvidenceBundles.MEDIA_TYPE);
        } else if (!"mimetype".equals(files.keySet().iterator().next())) {
            problems.add("mimetype: not the container's first file");
        }
        int covered = 0;
        byte[] manifest = files.get(EvidenceBundles.MANIFEST);
        if (manifest == null) {
            problems.add(EvidenceBundles.MANIFEST + ": missing");
        } else {
            Map<String, String> digests = manifestDigests(manifest, problems);
            for (Map.Entry<String, String> reference : digests.entrySet()) {
                byte[] file = files.get(reference.getKey());
                if (file == null) {
                    problems.add(reference.getKey() + ": named by the manifest but missing");
                } else if (!Base64.getEncoder()
                        .encodeToString(Digests.sha256(file))
                        .equals(reference.getValue())) {
                    problems.add(reference.getKey() + ": altered (its SHA-256 is not the manifest's)");
                } else {
                    covered++;
                }
            }
            for (String name : files.keySet()) {
                if (!digests.containsKey(name)
                        && !name.equals("mimetype")
                        && !name.equals(EvidenceBundles.MANIFEST)
                        && !name.equals(EvidenceBundles.ARCHIVE_TIMESTAMP)) {
                    problems.add(name + ": not covered by the manifest");
                }
            }
        }
        TimeStampFacts archive = null;
        byte[] token = files.get(EvidenceBundles.ARCHIVE_TIMESTAMP);
        if (token != null && manifest != null) {
            try {
                archive = new TimeStampVerifier(anchors).verify(new TimeStampToken(new CMSSignedData(token)), manifest);
            } catch (TimeStampRefusal e) {
                problems.add(EvidenceBundles.ARCHIVE_TIMESTAMP + ": " + e.getMessage());
            } catch (Exception e) {
                problems.add(EvidenceBundles.ARCHIVE_TIMESTAMP + ": not a time-stamp token");
            }
        }
        LongTermVerifier verifier = new LongTermVerifier(anchors);
        List<SignatureCheck> signatures = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            if (!name.startsWith("META-INF/signature") || !name.endsWith(".p7s")) {
                continue;
            }
            String number = name.substring("META-INF/signature".length(), name.length() - ".p7s".length());
            Optional<String> payload = files.keySet().stream()
                    .filter(n -> n.startsWith("payloads/" + number + "-"))
                    .findFirst();
            if (payload.isEmpty()) {
                problems.add(name + ": no payload payloads/" + number + "-*.json to verify it over");
                continue;
            }
            LongTermVerifier.Outcome outcome = verifier.outcome(
                    file.getValue(), Optional.of(files.get(payload.get())), VerificationContext.of(anchors, at));
            signatures.add(new SignatureCheck(name, payload.get(), outcome));
            if (!outcome.result().valid()) {
                problems.add(name + ": " + outcome.result().code() + ": "
                        + outcome.result().detail());
            }
        }
        if (signatures.isEmpty()) {
            problems.add("no signature in the bundle");
        }
        return new Report(List.copyOf(signatures), covered, archive, List.copyOf(problems));
    }

    private static Map<String, byte[]> read(InputStream bundle) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(bundle)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= MAX_ENTRIES) {
                    throw new Unreadable("more than " + MAX_ENTRIES + " files");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new Unreadable("larger than " + MAX_BYTES + " bytes unpacked");
                    }
                    bytes.write(buffer, 0, n);
                }
                if (files.put(entry.getName(), bytes.toByteArray()) != null) {
                    throw new Unreadable("the file " + entry.getName() + " is in it twice");
                }
            }
        } catch (IOException e) {
            throw new Unreadable("not a ZIP container: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new Unreadable("not a ZIP container, or an empty one");
        }
        return files;
    }

    /** URI → base64 SHA-256 of each DataObjectReference; problems for what cannot be read. */
    private static Map<String, String> manifestDigests(byte[] manifest, List<String> problems) {
        Map<String, String> digests = new TreeMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(manifest));
            NodeList references = document.getElementsByTagNameNS(ASIC, "DataObjectReference");
            for (int i = 0; i < references.getLength(); i++) {
                Element reference = (Element) references.item(i);
                Element method = (Element)
                        reference.getElementsByTagNameNS(DSIG, "DigestMethod").item(0);
                Element value = (Element)
                        reference.getElementsByTagNameNS(DSIG, "DigestValue").item(0);
                String uri = reference.getAttribute("URI");
                if (method == null
                        || value == null
                        || !"http://www.w3.org/2001/04/xmlenc#sha256".equals(method.getAttribute("Algorithm"))) {
                    problems.add(EvidenceBundles.MANIFEST + ": the reference to " + uri + " has no SHA-256 digest");
                    continue;
                }
                digests.put(uri, value.getTextContent().strip());
            }
        } catch (Exception e) {
            problems.add(EvidenceBundles.MANIFEST + ": unreadable: " + e.getMessage());
        }
        return digests;
    }
}
