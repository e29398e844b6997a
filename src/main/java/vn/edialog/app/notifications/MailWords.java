package vn.edialog.app.notifications;

import java.time.Instant;
import org.springframework.stereotype.Component;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.L10n;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.tenant.Agency;

/** What a mail says instead of codes and UTC: agency and step names, times at Asia/Ho_Chi_Minh. */
@Component
public class MailWords {

    private final Tenants tenants;

    MailWords(Tenants tenants) {
        this.tenants = tenants;
    }

    /** "24/12/2026 17:00 (giờ Việt Nam)". */
    public static String time(Instant instant) {
        return instant == null ? "" : L10n.DATE_TIME.format(instant) + " (giờ Việt Nam)";
    }

    /** The agency's Vietnamese name, or its code when the tenant does not know it. */
    public String agency(String tenant, String code) {
        if (code == null) {
            return "";
        }
        return tenants.find(tenant)
                .flatMap(t -> t.agency(code))
                .map(Agency::nameVi)
                .orElse(code);
    }

    /** A step of the process as the officials call it, Vietnamese / English. */
    public static String step(EscalationStep step) {
        return switch (step) {
            case TRIAGE -> "phân loại / triage";
            case ANSWER -> "trả lời / answer";
        };
    }
}
