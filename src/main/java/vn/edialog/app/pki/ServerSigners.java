package vn.edialog.app.pki;

import java.util.Map;
import vn.edialog.command.signature.CmsSigner;

/** The keys the server signs with: the system key and one key per agency. */
public final class ServerSigners {

    private final CmsSigner system;
    private final Map<String, CmsSigner> agencies;

    /** @param agencies signers by {@link #key(String, String)} */
    public ServerSigners(CmsSigner system, Map<String, CmsSigner> agencies) {
        this.system = system;
        this.agencies = Map.copyOf(agencies);
    }

    /** The system key: receipts and automatic actions. */
    public CmsSigner system() {
        if (system == null) {
            throw new IllegalStateException("No system signing key is configured (edialog.signing.system)");
        }
        return system;
    }

    /** The key of an agency of a tenant, for the actions its officials take. */
    public CmsSigner agency(String tenant, String agencyCode) {
        CmsSigner signer = agencies.get(key(tenant, agencyCode));
        if (signer == null) {
            throw new IllegalStateException("No signing key is configured for agency '" + agencyCode + "' of tenant '"
                    + tenant + "' (edialog.signing.agencies." + tenant + "." + agencyCode + ")");
        }
        return signer;
    }

    public static String key(String tenant, String agencyCode) {
        return tenant + "." + agencyCode;
    }
}
