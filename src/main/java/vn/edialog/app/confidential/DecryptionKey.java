package vn.edialog.app.confidential;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Collections;
import vn.edialog.app.pki.SigningProperties;

/**
 * An agency's decryption key and its encryption certificate: from a PKCS#12 file or a PKCS#11 token (HSM), as the
 * agency's signing key is. {@code provider} is the token's (null: the default providers).
 */
public record DecryptionKey(PrivateKey privateKey, X509Certificate certificate, Provider provider) {

    /** Loads the key the configuration names (PKCS#11 when {@code pkcs11-config} is set, else PKCS#12). */
    public static DecryptionKey load(SigningProperties.Key key) {
        char[] secret = key.password() == null ? new char[0] : key.password().toCharArray();
        if (key.pkcs11Config() != null) {
            return fromPkcs11(key.pkcs11Config(), secret, key.alias());
        }
        if (key.keyStore() == null) {
            throw new IllegalStateException("A decryption key needs key-store (PKCS#12) or pkcs11-config");
        }
        try (InputStream in = Files.newInputStream(key.keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            return first(store, secret, key.alias(), null, key.keyStore().toString());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PKCS#12 " + key.keyStore() + ": " + e.getMessage(), e);
        }
    }

    private static DecryptionKey fromPkcs11(Path config, char[] pin, String alias) {
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("PKCS#11 configuration file not found: " + config);
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("the SunPKCS11 provider is not available in this JDK");
        }
        try {
            Provider provider = base.configure(config.toAbsolutePath().toString());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return first(store, null, alias, provider, "the PKCS#11 token");
        } catch (IOException | GeneralSecurityException | java.security.InvalidParameterException e) {
            throw new IllegalArgumentException("cannot open PKCS#11 token: " + e.getMessage(), e);
        }
    }

    private static DecryptionKey first(KeyStore store, char[] secret, String alias, Provider provider, String where)
            throws GeneralSecurityException {
        for (String name : Collections.list(store.aliases())) {
            if ((alias == null || alias.equals(name)) && store.isKeyEntry(name)) {
                Key key = store.getKey(name, secret);
                if (key instanceof PrivateKey privateKey
                        && store.getCertificate(name) instanceof X509Certificate certificate) {
                    return new DecryptionKey(privateKey, certificate, provider);
                }
            }
        }
        throw new IllegalArgumentException(
                "no private key" + (alias == null ? "" : " with alias '" + alias + "'") + " in " + where);
    }
}
