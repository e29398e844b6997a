package vn.edialog.command.signature;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.TestPki;

/** Test helpers: payloads, envelopes and hand-made CMS. */
final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final TestPki PKI = TestPki.shared();

    private Fixtures() {}

    static Clock clockAt(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    static ObjectNode payload(Instant signedAt) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", "dialogue.ask");
        n.put("tenant", "bac-ninh");
        n.put("dialogueId", UUID.randomUUID().toString());
        n.put("nonce", UUID.randomUUID().toString());
        n.put("signedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(signedAt.atOffset(ZoneOffset.ofHours(7))));
        n.put("text", "Xin hỏi thủ tục đăng ký kinh doanh hộ cá thể?");
        return n;
    }

    static byte[] canonical(ObjectNode payload) {
        return CanonicalJson.canonicalize(payload);
    }

    static Envelope envelope(byte[] payload, byte[] cms) {
        return new Envelope(
                Base64.getEncoder().encodeToString(payload), Base64.getEncoder().encodeToString(cms));
    }

    static Envelope sign(Credential c, ObjectNode payload, Clock signingClock) {
        byte[] bytes = canonical(payload);
        return envelope(bytes, c.signer(signingClock).sign(bytes));
    }

    static Envelope sign(Credential c, ObjectNode payload, String algorithm, Clock signingClock) {
        byte[] bytes = canonical(payload);
        return envelope(bytes, new CmsSigner(c.privateKey(), c.chain(), algorithm, null, signingClock).sign(bytes));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A plain BC CMS (BC's default signed attributes, no signing-certificate attribute). */
    static byte[] plainCms(List<Credential> signers, byte[] content, boolean encapsulate) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        for (Credential c : signers) {
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(Bc.PROVIDER)
                            .build())
                    .build(
                            new JcaContentSignerBuilder(CmsSigner.defaultAlgorithm(c.privateKey()))
                                    .setProvider(Bc.PROVIDER)
                                    .build(c.privateKey()),
                            c.certificate()));
            gen.addCertificates(new JcaCertStore(c.chain().subList(0, c.chain().size() - 1)));
        }
        return gen.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
    }

    static List<X509Certificate> withoutRoot(Credential c) {
        return c.chain().subList(0, c.chain().size() - 1);
    }
}
