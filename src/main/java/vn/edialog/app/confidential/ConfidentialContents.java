package vn.edialog.app.confidential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.SignedPayload;

/**
 * The content of confidential dialogues (ADR 018). A confidential ask gets a random AES-256 data key, wrapped for its
 * People's Committee's encryption certificate (and, at each forward, for the department's); every signed payload of
 * the dialogue is then stored here encrypted under that key (AES-256-GCM, associated data: the dialogue and the
 * payload's SHA-256), while its event keeps the signature and the digest only ({@link SignedPayload#sealed()}). The
 * server opens the content for the parties its read authorization lets in; nothing else keeps it.
 */
@Service
public class ConfidentialContents {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final ContentKeys keys;

    ConfidentialContents(JdbcClient jdbc, ContentKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Whether the dialogue is confidential (its messages are sealed). */
    public boolean isConfidential(UUID dialogueId) {
        return jdbc.sql("select count(*) from confidential_dialogue where dialogue_id = :id")
                        .param("id", dialogueId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Makes a new confidential dialogue: a data key, wrapped for the moderating agency; then seals the ask. In the
     * caller's transaction: a refused ask leaves nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SignedPayload sealAsk(
            String tenant, String moderatorAgency, UUID dialogueId, SignedPayload signed, Instant at) {
        DecryptionKey moderator = keys.of(tenant, moderatorAgency).orElseThrow(() -> unavailable(tenant));
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        jdbc.sql("insert into confidential_dialogue (dialogue_id, tenant, created_at) values (:id, :tenant, :at)")
                .param("id", dialogueId)
                .param("tenant", tenant)
                .param("at", Timestamp.from(at))
                .update();
        keep(dialogueId, moderatorAgency, moderator, dataKey, at);
        return seal(dialogueId, dataKey, signed, at);
    }

    /** Seals a later message of a confidential dialogue, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SignedPayload seal(UUID dialogueId, SignedPayload signed, Instant at) {
        byte[] dataKey = dataKey(dialogueId)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT,
                        "content-erased",
                        "The dialogue's content was erased",
                        "This confidential dialogue's content was erased; it takes no more messages."));
        return seal(dialogueId, dataKey, signed, at);
    }

    /**
     * Lets {@code agency} read the dialogue (a forward to a department): its data key wrapped for the agency's
     * certificate too. Nothing for a dialogue that is not confidential, or an agency that has the key already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void grant(UUID dialogueId, String tenant, String agency, Instant at) {
        if (!isConfidential(dialogueId)) {
            return;
        }
        DecryptionKey recipient = keys.of(tenant, agency).orElseThrow(() -> unavailable(tenant));
        dataKey(dialogueId).ifPresent(dataKey -> keep(dialogueId, agency, recipient, dataKey, at));
    }

    /**
     * Destroys the dialogue's data keys (its erasure, recorded by the caller in the same transaction): its payloads stay,
     * unreadable by anyone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID dialogueId, Instant at) {
        jdbc.sql("delete from dialogue_key where dialogue_id = :id")
                .param("id", dialogueId)
                .update();
        jdbc.sql("update confidential_dialogue set erased_at = :at where dialogue_id = :id")
                .param("id", dialogueId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** When the dialogue's content was erased, if it was. */
    public Optional<Instant> erasedAt(UUID dialogueId) {
        return jdbc.sql("select erased_at from confidential_dialogue where dialogue_id = :id and erased_at is not null")
                .param("id", dialogueId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** The dialogue's payloads, opened: empty when the dialogue is not confidential or its content was erased. */
    public Optional<Reader> reader(UUID dialogueId) {
        return dataKey(dialogueId).map(key -> new Reader(dialogueId, key));
    }

    /** Opens the sealed payloads of one dialogue. */
    public final class Reader {
        private final UUID dialogueId;
        private final byte[] dataKey;

        private Reader(UUID dialogueId, byte[] dataKey) {
            this.dialogueId = dialogueId;
            this.dataKey = dataKey;
        }

        /** The signed bytes whose SHA-256 is {@code payloadSha256}, decrypted and checked against that digest. */
        public Optional<byte[]> open(String payloadSha256) {
            return jdbc.sql(
                            """
                            select iv, ciphertext from confidential_content
                            where dialogue_id = :id and payload_sha256 = :sha
                            """)
                    .param("id", dialogueId)
                    .param("sha", payloadSha256)
                    .query((rs, n) -> decrypt(
                            dataKey, rs.getBytes("iv"), rs.getBytes("ciphertext"), aad(dialogueId, payloadSha256)))
                    .optional()
                    .map(bytes -> {
                        if (!HEX.formatHex(sha256(bytes)).equals(payloadSha256)) {
                            throw new IllegalStateException("the confidential content of dialogue " + dialogueId
                                    + " does not match its digest");
                        }
                        return bytes;
                    });
        }
    }

    private SignedPayload seal(UUID dialogueId, byte[] dataKey, SignedPayload signed, Instant at) {
        requireSha256(signed);
        byte[] payload = java.util.Base64.getDecoder().decode(signed.payload());
        String sha256 = HEX.formatHex(sha256(payload));
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, dataKey, iv, aad(dialogueId, sha256), payload);
        jdbc.sql(
                        """
                        insert into confidential_content (dialogue_id, payload_sha256, iv, ciphertext, stored_at)
                        values (:id, :sha, :iv, :ciphertext, :at) on conflict do nothing
                        """)
                .param("id", dialogueId)
                .param("sha", sha256)
                .param("iv", iv)
                .param("ciphertext", ciphertext)
                .param("at", Timestamp.from(at))
                .update();
        return signed.seal(sha256);
    }

    /**
     * A sealed event is verified by its payload's SHA-256 alone, which its CMS must then have signed: a signature over
     * another digest is refused before anything is stored.
     */
    private static void requireSha256(SignedPayload signed) {
        String digest;
        try {
            digest = new CMSSignedData(java.util.Base64.getDecoder().decode(signed.signature()))
                    .getSignerInfos()
                    .getSigners()
                    .iterator()
                    .next()
                    .getDigestAlgOID();
        } catch (CMSException | RuntimeException e) {
            throw new IllegalStateException("a verified signature is unreadable", e);
        }
        if (!NISTObjectIdentifiers.id_sha256.getId().equals(digest)) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "weak-algorithm",
                    "A confidential message must be signed over SHA-256",
                    "A confidential dialogue keeps only the SHA-256 of each message, which its signature must sign:"
                            + " sign with the SHA-256 digest (digest algorithm " + digest + " was used).");
        }
    }

    private void keep(UUID dialogueId, String agency, DecryptionKey recipient, byte[] dataKey, Instant at) {
        try {
            jdbc.sql(
                            """
                            insert into dialogue_key (dialogue_id, agency, recipient_sha256, wrapped, created_at)
                            values (:id, :agency, :recipient, :wrapped, :at) on conflict do nothing
                            """)
                    .param("id", dialogueId)
                    .param("agency", agency)
                    .param(
                            "recipient",
                            HEX.formatHex(sha256(recipient.certificate().getEncoded())))
                    .param("wrapped", DataKeys.wrap(dataKey, recipient.certificate()))
                    .param("at", Timestamp.from(at))
                    .update();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data key, unwrapped with the first agency key this server holds; empty when none is left (erased). */
    private Optional<byte[]> dataKey(UUID dialogueId) {
        List<Wrapped> wrapped = jdbc.sql(
                        """
                        select k.agency, k.wrapped, d.tenant from dialogue_key k
                        join confidential_dialogue d on d.dialogue_id = k.dialogue_id
                        where k.dialogue_id = :id and d.erased_at is null order by k.created_at
                        """)
                .param("id", dialogueId)
                .query((rs, n) -> new Wrapped(rs.getString("tenant"), rs.getString("agency"), rs.getBytes("wrapped")))
                .list();
        for (Wrapped w : wrapped) {
            Optional<DecryptionKey> key = keys.of(w.tenant(), w.agency());
            if (key.isPresent()) {
                return Optional.of(DataKeys.unwrap(w.bytes(), key.get()));
            }
        }
        if (!wrapped.isEmpty()) {
            throw new IllegalStateException("no decryption key of the agencies that may read dialogue " + dialogueId
                    + " is configured (edialog.confidentiality.agencies)");
        }
        return Optional.empty();
    }

    private record Wrapped(String tenant, String agency, byte[] bytes) {}

    private static byte[] aad(UUID dialogueId, String payloadSha256) {
        return ("edialog-content-v1\n" + dialogueId + "\n" + payloadSha256).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext, byte[] aad) {
        return crypt(Cipher.DECRYPT_MODE, key, iv, aad, ciphertext);
    }

    private static byte[] crypt(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("confidential content does not decrypt: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem unavailable(String tenant) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "confidentiality-unavailable",
                "Confidential dialogues are not available",
                "No encryption key is configured for the People's Committee of " + tenant
                        + " (edialog.confidentiality.agencies); send the question without 'confidential', or later.");
    }
}
