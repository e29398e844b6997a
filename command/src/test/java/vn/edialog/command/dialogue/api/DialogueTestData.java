package vn.edialog.command.dialogue.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Plausible parties and fake-but-well-formed signed envelopes for dialogue tests. The aggregate does not verify
 * signatures (the intake does), so the envelope only has to be valid base64 and deterministic.
 */
public final class DialogueTestData {

    public static final String TENANT = "demo";
    public static final String MODERATOR_AGENCY = "ubnd";
    public static final String DEPARTMENT_AGENCY = "skhdt";
    public static final String OTHER_DEPARTMENT_AGENCY = "stnmt";

    public static final Actor BUSINESS =
            new Actor(ActorKind.BUSINESS, "MST:0101234567", "Công ty TNHH Thương mại Sông Hồng", null);
    public static final Actor OTHER_BUSINESS =
            new Actor(ActorKind.BUSINESS, "MST:0312345678", "Công ty Cổ phần Đầu tư Phú Quý", null);
    public static final Actor CITIZEN = new Actor(ActorKind.CITIZEN, "CCCD:001085012345", "Nguyễn Thị Lan", null);
    public static final Actor MODERATOR = new Actor(ActorKind.OFFICIAL, "cb-ubnd-01", "Lê Văn Hùng", MODERATOR_AGENCY);
    public static final Actor DEPARTMENT =
            new Actor(ActorKind.OFFICIAL, "cb-skhdt-02", "Phạm Thị Mai", DEPARTMENT_AGENCY);
    public static final Actor OTHER_DEPARTMENT =
            new Actor(ActorKind.OFFICIAL, "cb-stnmt-03", "Hoàng Văn Nam", OTHER_DEPARTMENT_AGENCY);
    public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "system", "Hệ thống eDialog", null);

    private DialogueTestData() {}

    /** A deterministic envelope naming the command type, dialogue and signing time, as the intake would pass it. */
    public static SignedPayload signed(String type, UUID dialogueId, Instant at, Actor signer) {
        String nonce = UUID.nameUUIDFromBytes((type + dialogueId + at).getBytes(StandardCharsets.UTF_8))
                .toString();
        String json = "{\"dialogueId\":\"" + dialogueId + "\",\"nonce\":\"" + nonce + "\",\"signedAt\":\"" + at
                + "\",\"signer\":\"" + signer.id() + "\",\"tenant\":\"" + TENANT + "\",\"type\":\"" + type + "\"}";
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        String signature = "CMS-SignedData(" + sha256Hex(payload) + ")";
        return new SignedPayload(
                base64(payload),
                base64(signature.getBytes(StandardCharsets.UTF_8)),
                List.of(
                        base64(("DER certificate of " + signer.id()).getBytes(StandardCharsets.UTF_8)),
                        base64("DER certificate of the issuing CA".getBytes(StandardCharsets.UTF_8))));
    }

    public static Attachment attachment(String name, String mediaType, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new Attachment(name, mediaType, bytes.length, sha256Hex(bytes));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
