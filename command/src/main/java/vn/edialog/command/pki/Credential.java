package vn.edialog.command.pki;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import vn.edialog.command.signature.CanonicalJson;
import vn.edialog.command.signature.CmsSigner;
import vn.edialog.command.signature.Envelope;
import vn.edialog.command.signature.PemFiles;

/** A private key with its certificate and chain (certificate first, then the issuing CAs up to the root). */
public record Credential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public Credential {
        chain = List.copyOf(chain);
    }

    /** The first private-key entry of a PKCS#12 file with its chain. */
    public static Credential fromPkcs12(Path p12, char[] password) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new Credential(key, chain.get(0), chain);
                }
            }
            throw new IllegalArgumentException("no private key entry in " + p12);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PKCS#12 " + p12 + ": " + e.getMessage(), e);
        }
    }

    /** A CMS signer (default algorithm for the key, system clock) embedding the chain without the root. */
    public CmsSigner signer() {
        return new CmsSigner(privateKey, chain);
    }

    /** A CMS signer whose signing-time comes from {@code clock}. */
    public CmsSigner signer(Clock clock) {
        return new CmsSigner(privateKey, chain, CmsSigner.defaultAlgorithm(privateKey), null, clock);
    }

    /** Canonicalizes {@code payload}, signs it (detached CMS) and returns the base64 envelope. */
    public Envelope envelope(JsonNode payload) {
        byte[] bytes = CanonicalJson.canonicalize(payload);
        byte[] sig = signer().sign(bytes);
        return new Envelope(
                Base64.getEncoder().encodeToString(bytes), Base64.getEncoder().encodeToString(sig));
    }

    /** PKCS#12 (AES-256-CBC / PBKDF2-HMAC-SHA256, SHA-256 MAC) holding the key and the whole chain. */
    public byte[] pkcs12(char[] password) {
        return PkiFactory.pkcs12(this, password);
    }

    /** The private key as unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
    public String privateKeyPem() {
        return PemFiles.pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** The certificate as PEM. */
    public String certificatePem() {
        return PemFiles.toPem(List.of(certificate));
    }

    /** The chain (certificate first) as PEM. */
    public String chainPem() {
        return PemFiles.toPem(chain);
    }

    @Override
    public String toString() {
        return "Credential[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
