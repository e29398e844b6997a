package vn.edialog.command.tenant;

/**
 * A government agency of a tenant. {@code budgetCode} is its 7-digit budget-relation code (mã QHNS), which its
 * certificate carries as UID {@code MNS:<budgetCode>}. Its officials are the Camunda groups {@code
 * <tenant>-<code>-moderators|officers|leaders}.
 */
public record Agency(String code, String budgetCode, String nameVi, String nameEn, AgencyKind kind) {

    /** The subject UID that identifies this agency in its certificate. */
    public String certificateUid() {
        return "MNS:" + budgetCode;
    }
}
