package vn.edialog.app.confidential;

import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.stereotype.Component;
import vn.edialog.app.web.ApiProblem;

/**
 * Opens a confidential message that was encrypted before it was sent: the browser (PKI.js) or a client encrypts the
 * exact signed bytes as CMS EnvelopedData to the People's Committee's encryption certificate (ECDH or RSA-OAEP, AES
 * content encryption), published at {@code GET /api/v1/tenants/{tenant}/encryption-certificate}. The server opens it
 * with the agency's decryption key; from then on the message takes the path of every other (ADR 018).
 */
@Component
public class TransportEncryption {

    private static final Provider BC = new BouncyCastleProvider();

    private final ContentKeys keys;

    TransportEncryption(ContentKeys keys) {
        this.keys = keys;
    }

    /** The bytes and the agency whose key opened them. */
    public record Opened(byte[] payload, String agencyKey) {}

    /** Opens {@code envelopedData} (DER ContentInfo) with the key of the agency it is encrypted for. */
    public Opened open(byte[] envelopedData) {
        CMSEnvelopedData data;
        try {
            data = new CMSEnvelopedData(envelopedData);
        } catch (CMSException | RuntimeException e) {
            throw unopenable();
        }
        for (RecipientInformation recipient : data.getRecipientInfos().getRecipients()) {
            for (Map.Entry<String, DecryptionKey> key : keys.all().entrySet()) {
                try {
                    if (recipient
                            .getRID()
                            .match(new X509CertificateHolder(
                                    key.getValue().certificate().getEncoded()))) {
                        return new Opened(recipient.getContent(recipientFor(key.getValue())), key.getKey());
                    }
                } catch (CMSException | CertificateEncodingException | java.io.IOException | RuntimeException e) {
                    throw unopenable();
                }
            }
        }
        throw unopenable();
    }

    private static Recipient recipientFor(DecryptionKey key) {
        Provider provider = key.provider() == null ? BC : key.provider();
        if ("RSA".equals(key.certificate().getPublicKey().getAlgorithm())) {
            return new JceKeyTransEnvelopedRecipient(key.privateKey())
                    .setProvider(provider)
                    .setContentProvider(BC);
        }
        return new JceKeyAgreeEnvelopedRecipient(key.privateKey())
                .setProvider(provider)
                .setContentProvider(BC);
    }

    /**
     * One answer for every envelope that does not open or whose opened bytes are not what was signed, so that the
     * answers tell nothing about the ciphertext.
     */
    public static ApiProblem unopenable() {
        return ApiProblem.badEncoding("encryptedPayload could not be opened with the People's Committee's key, or what"
                + " it holds is not the signed payload");
    }
}
