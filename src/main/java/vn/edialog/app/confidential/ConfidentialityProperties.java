package vn.edialog.app.confidential;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.edialog.app.pki.SigningProperties;

/**
 * The agencies' decryption keys for confidential dialogues, by tenant then agency code: {@code
 * edialog.confidentiality.agencies.<tenant>.<agency>.*}, each a PKCS#12 file or a PKCS#11 token, like a signing key. The
 * key's certificate is the agency's encryption certificate (key usage keyEncipherment or keyAgreement).
 */
@ConfigurationProperties("edialog.confidentiality")
public record ConfidentialityProperties(Map<String, Map<String, SigningProperties.Key>> agencies) {

    public ConfidentialityProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }
}
