package vn.edialog.app.confidential;

import java.util.Map;
import java.util.Optional;
import vn.edialog.app.pki.ServerSigners;

/**
 * The agencies' decryption keys, by {@link ServerSigners#key(String, String)}: configured under {@code
 * edialog.confidentiality.agencies.<tenant>.<agency>} (PKCS#12 or PKCS#11, as signing keys), and on the embedded
 * default the demo PKI's encryption keys.
 */
public final class ContentKeys {

    private final Map<String, DecryptionKey> keys;

    public ContentKeys(Map<String, DecryptionKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** Every key, by {@link ServerSigners#key(String, String)}. */
    public Map<String, DecryptionKey> all() {
        return keys;
    }

    /** The agency's key, if it has one. */
    public Optional<DecryptionKey> of(String tenant, String agency) {
        return Optional.ofNullable(keys.get(ServerSigners.key(tenant, agency)));
    }
}
