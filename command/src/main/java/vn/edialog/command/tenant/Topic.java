package vn.edialog.command.tenant;

import java.util.List;

/** A dialogue form a business or citizen picks: its fields and the agency it suggests forwarding to. */
public record Topic(String code, String nameVi, String nameEn, String suggestedAgency, List<FormField> fields) {
    public Topic {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
