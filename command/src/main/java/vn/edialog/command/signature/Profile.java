package vn.edialog.command.signature;

/** Verification profile: RFC5280 is plain path validation, EDIALOG adds the product policy (algorithms, key usage,
 * identity). */
public enum Profile {
    EDIALOG,
    RFC5280
}
