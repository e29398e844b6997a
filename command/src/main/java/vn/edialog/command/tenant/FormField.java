package vn.edialog.command.tenant;

/** A field of a dialogue form (mẫu đối thoại), labelled in Vietnamese and English. */
public record FormField(String name, String labelVi, String labelEn, boolean required) {}
