package vn.edialog.command.signature;

/** Identity schemes found in the subject UID: tax code, citizen id card, old id card, agency budget-relation code. */
public enum IdentityScheme {
    /** Mã số thuế (tax code) of a business. */
    MST,
    /** Căn cước công dân (12-digit citizen id). */
    CCCD,
    /** Chứng minh nhân dân (old 9 or 12-digit id). */
    CMND,
    /** Mã quan hệ ngân sách (7-digit agency budget-relation code). */
    MNS
}
