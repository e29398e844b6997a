package vn.edialog.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.signature.CanonicalJson;
import vn.edialog.command.tenant.FormField;
import vn.edialog.command.tenant.TenantCatalog;
import vn.edialog.command.tenant.Topic;

/** Builds the payloads and envelopes askers send, signed with real keys of the test PKI. */
public final class Envelopes {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {}

    private static final TenantCatalog TENANTS = TenantCatalog.load(
            TenantCatalog.class.getResourceAsStream(TenantCatalog.DEMO_RESOURCE),
            Envelopes.class.getResourceAsStream("/tenants/" + TwoProvinces.OTHER + ".json"));

    /** An ask on the demo province's business registration topic, its required form fields filled. */
    public static ObjectNode ask(UUID dialogueId) {
        return ask(dialogueId, "dang-ky-kinh-doanh");
    }

    /** An ask on a topic of the demo province, with a value for each of the topic's required form fields. */
    public static ObjectNode ask(UUID dialogueId, String topic) {
        return ask(dialogueId, "demo", topic);
    }

    /** An ask on a topic of the demo province or of {@link TwoProvinces#OTHER}, its required form fields filled. */
    public static ObjectNode ask(UUID dialogueId, String tenant, String topic) {
        ObjectNode ask = base("ask", dialogueId)
                .put("tenant", tenant)
                .put("topic", topic)
                .put("subject", "Thủ tục thay đổi địa chỉ trụ sở chính")
                .put("body", "Công ty chúng tôi chuyển trụ sở sang huyện khác trong tỉnh. Cần nộp hồ sơ gì, ở đâu?");
        List<FormField> required = TENANTS.topic(tenant, topic).map(Topic::fields).orElse(List.of()).stream()
                .filter(FormField::required)
                .toList();
        if (!required.isEmpty()) {
            ObjectNode form = ask.putObject("form");
            required.forEach(field -> form.put(field.name(), field.labelVi() + ": giá trị mẫu"));
        }
        return ask;
    }

    public static ObjectNode base(String type, UUID dialogueId) {
        return JSON.createObjectNode()
                .put("type", type)
                .put("tenant", "demo")
                .put("dialogueId", dialogueId.toString())
                .put("nonce", UUID.randomUUID().toString())
                .put("signedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The JSON body {payload, signature} of the canonical payload signed by {@code signer}. */
    public static String signed(Credential signer, ObjectNode payload) {
        byte[] bytes = CanonicalJson.canonicalize(payload);
        return body(bytes, signer.signer().sign(bytes));
    }

    /** The JSON body for exactly these payload bytes and signature. */
    public static String body(byte[] payload, byte[] signature) {
        return body(
                Base64.getEncoder().encodeToString(payload), Base64.getEncoder().encodeToString(signature));
    }

    public static String body(String payloadBase64, String signatureBase64) {
        return JSON.createObjectNode()
                .put("payload", payloadBase64)
                .put("signature", signatureBase64)
                .toString();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
