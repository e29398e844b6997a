package vn.edialog.command.signature;

import java.util.Locale;
import java.util.Optional;

/** The kind of party a certificate identifies, as its UID scheme says: a business (MST), a citizen (CCCD or CMND) or
 * an agency (MNS); each is accepted only from the certification authorities configured for it. */
public enum IdentityType {
    BUSINESS,
    CITIZEN,
    AGENCY;

    /** The identity type of a UID scheme. */
    public static IdentityType of(IdentityScheme scheme) {
        return switch (scheme) {
            case MST -> BUSINESS;
            case CCCD, CMND -> CITIZEN;
            case MNS -> AGENCY;
        };
    }

    /** Parses {@code business}, {@code citizen} or {@code agency} (any case); empty otherwise. */
    public static Optional<IdentityType> parse(String text) {
        for (IdentityType t : values()) {
            if (t.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The configuration key: {@code business}, {@code citizen} or {@code agency}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
