package vn.edialog.app.pki;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's signing keys: the system key (receipts, automatic actions) and one key per agency (government actions
 * taken by its officials), keyed by tenant then agency code: {@code edialog.signing.agencies.<tenant>.<agency>.*}. Each is a PKCS#12 file, or a PKCS#11 token (HSM) through a SunPKCS11 configuration file.
 */
@ConfigurationProperties("edialog.signing")
public record SigningProperties(Key system, Map<String, Map<String, Key>> agencies) {

    public SigningProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    /**
     * One key.
     *
     * @param keyStore PKCS#12 file (its first private key entry is used unless {@code alias} is set)
     * @param password PKCS#12 password or PKCS#11 PIN
     * @param pkcs11Config a SunPKCS11 configuration file; when set, the key comes from the token instead
     * @param alias the key's alias in the store or token
     */
    public record Key(Path keyStore, String password, Path pkcs11Config, String alias) {}
}
