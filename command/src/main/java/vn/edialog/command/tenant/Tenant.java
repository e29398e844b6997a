package vn.edialog.command.tenant;

import java.util.List;
import java.util.Optional;

/** A province using eDialog: its moderator (UBND), its agencies and its dialogue forms. */
public record Tenant(
        String code, String nameVi, String nameEn, String moderatorAgency, List<Agency> agencies, List<Topic> topics) {

    public Tenant {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public Optional<Agency> agency(String agencyCode) {
        return agencies.stream().filter(a -> a.code().equals(agencyCode)).findFirst();
    }

    public Optional<Topic> topic(String topicCode) {
        return topics.stream().filter(t -> t.code().equals(topicCode)).findFirst();
    }

    /** The agency whose certificate carries this UID ({@code MNS:<budgetCode>}). */
    public Optional<Agency> agencyByCertificateUid(String uid) {
        return agencies.stream().filter(a -> a.certificateUid().equals(uid)).findFirst();
    }
}
