package vn.edialog.command.signature;

/** How revocation is checked: REQUIRE a fresh CRL for every certificate with a distribution point, check
 * WHEN_AVAILABLE, or OFF. */
public enum RevocationMode {
    REQUIRE,
    WHEN_AVAILABLE,
    OFF
}
