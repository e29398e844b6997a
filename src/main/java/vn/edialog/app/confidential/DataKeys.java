package vn.edialog.app.confidential;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * A dialogue's data key wrapped for one agency's encryption certificate: CMS AuthEnvelopedData (RFC 5083), AES-256-GCM,
 * with key transport RSA-OAEP (SHA-256) to an RSA certificate or ephemeral-static ECDH (SHA-256 KDF, AES-256 key wrap)
 * to an EC one. Any CMS tool opens it with the agency's private key.
 */
final class DataKeys {

    private static final Provider BC = new BouncyCastleProvider();

    private DataKeys() {}

    /** The data key wrapped for {@code recipient}. */
    static byte[] wrap(byte[] dataKey, X509Certificate recipient) {
        try {
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            if (recipient.getPublicKey() instanceof RSAPublicKey) {
                var oaep = new JcaAlgorithmParametersConverter()
                        .getAlgorithmIdentifier(
                                PKCSObjectIdentifiers.id_RSAES_OAEP,
                                new OAEPParameterSpec(
                                        "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                generator.addRecipientInfoGenerator(
                        new JceKeyTransRecipientInfoGenerator(recipient, oaep).setProvider(BC));
            } else if (recipient.getPublicKey() instanceof ECPublicKey ec) {
                KeyPairGenerator keys = KeyPairGenerator.getInstance("EC", BC);
                keys.initialize(ec.getParams());
                KeyPair ephemeral = keys.generateKeyPair();
                generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(
                                CMSAlgorithm.ECDH_SHA256KDF,
                                ephemeral.getPrivate(),
                                ephemeral.getPublic(),
                                CMSAlgorithm.AES256_WRAP)
                        .addRecipient(recipient)
                        .setProvider(BC));
            } else {
                throw new IllegalArgumentException("an encryption certificate needs an RSA or EC key, not "
                        + recipient.getPublicKey().getAlgorithm());
            }
            OutputAEADEncryptor encryptor =
                    (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                            .setProvider(BC)
                            .build();
            return generator
                    .generate(new CMSProcessableByteArray(dataKey), encryptor)
                    .getEncoded();
        } catch (GeneralSecurityException | CMSException | java.io.IOException e) {
            throw new IllegalStateException("cannot wrap a data key: " + e.getMessage(), e);
        }
    }

    /** The data key, unwrapped with the agency's private key. */
    static byte[] unwrap(byte[] wrapped, DecryptionKey key) {
        try {
            CMSAuthEnvelopedData data = new CMSAuthEnvelopedData(wrapped);
            X509CertificateHolder holder =
                    new X509CertificateHolder(key.certificate().getEncoded());
            for (RecipientInformation information : data.getRecipientInfos().getRecipients()) {
                if (information.getRID().match(holder)) {
                    return information.getContent(recipient(key));
                }
            }
            throw new IllegalStateException(
                    "the data key is not wrapped for " + key.certificate().getSubjectX500Principal());
        } catch (CMSException | java.io.IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot unwrap a data key: " + e.getMessage(), e);
        }
    }

    private static Recipient recipient(DecryptionKey key) {
        Provider provider = key.provider() == null ? BC : key.provider();
        if ("RSA".equals(key.certificate().getPublicKey().getAlgorithm())) {
            return new JceKeyTransAuthEnvelopedRecipient(key.privateKey())
                    .setProvider(provider)
                    .setContentProvider(BC);
        }
        return new JceKeyAgreeAuthEnvelopedRecipient(key.privateKey())
                .setProvider(provider)
                .setContentProvider(BC);
    }
}
