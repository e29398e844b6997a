package vn.edialog.command.signature;

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
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Creates {@link CmsSigner}s from key stores: a PKCS#12 file (first private-key entry), or a PKCS#11 token through the
 * JDK's SunPKCS11 provider.
 *
 * <p>PKCS#11: write a SunPKCS11 configuration file, for example
 *
 * <pre>
 * name = edialog-hsm
 * library = /usr/lib/softhsm/libsofthsm2.so
 * slot = 0
 * </pre>
 *
 * and call {@code fromPkcs11(Path.of("pkcs11.cfg"), pin, "agency-key")}. The signature is computed inside the token
 * with the configured provider; the chain is read from the token's certificate entry for that alias.
 */
public final class KeyStoreSigner {

    private KeyStoreSigner() {}

    /** A signer for the first private-key entry of a PKCS#12 file (modern AES/PBKDF2 or legacy encryption). */
    public static CmsSigner fromPkcs12(Path p12, char[] password) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Key key = ks.getKey(alias, password);
                    if (key instanceof PrivateKey pk) {
                        return new CmsSigner(pk, chain(ks, alias));
                    }
                }
            }
            throw new IllegalArgumentException("no private key entry in " + p12);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read PKCS#12 " + p12 + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable PKCS#12 " + p12 + ": " + e.getMessage(), e);
        }
    }

    /** A signer for the key {@code alias} on a PKCS#11 token described by a SunPKCS11 configuration file. */
    public static CmsSigner fromPkcs11(Path sunPkcs11ConfigFile, char[] pin, String alias) {
        if (sunPkcs11ConfigFile == null || !Files.isRegularFile(sunPkcs11ConfigFile)) {
            throw new IllegalArgumentException("PKCS#11 configuration file not found: " + sunPkcs11ConfigFile);
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("the SunPKCS11 provider is not available in this JDK");
        }
        try {
            Provider provider =
                    base.configure(sunPkcs11ConfigFile.toAbsolutePath().toString());
            KeyStore ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pin);
            Key key = ks.getKey(alias, null);
            if (!(key instanceof PrivateKey pk)) {
                throw new IllegalArgumentException("no private key with alias '" + alias + "' on the token");
            }
            List<X509Certificate> chain = chain(ks, alias);
            return new CmsSigner(pk, chain, CmsSigner.defaultAlgorithm(pk), provider, Clock.systemUTC());
        } catch (IOException | GeneralSecurityException | java.security.InvalidParameterException e) {
            throw new IllegalArgumentException("cannot open PKCS#11 token: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> chain(KeyStore ks, String alias) throws GeneralSecurityException {
        Certificate[] certs = ks.getCertificateChain(alias);
        if (certs == null || certs.length == 0) {
            Certificate single = ks.getCertificate(alias);
            if (single == null) {
                throw new IllegalArgumentException("no certificate for alias '" + alias + "'");
            }
            certs = new Certificate[] {single};
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            out.add((X509Certificate) c);
        }
        return out;
    }
}
