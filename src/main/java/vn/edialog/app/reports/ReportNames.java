package vn.edialog.app.reports;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;

/** Names in a report, in the reader's language: agencies, the province total row, the province. */
@Component("reportNames")
public class ReportNames {

    private final MessageSource messages;

    ReportNames(MessageSource messages) {
        this.messages = messages;
    }

    /** The row's agency name; the province total's label; the bare code of an agency the tenant no longer lists. */
    public String agency(FiguresTable.Row row, Locale locale) {
        if (row.isTotal()) {
            return messages.getMessage("reports.total", null, locale);
        }
        return row.agency() == null ? row.agencyCode() : agency(row.agency(), locale);
    }

    public String agency(Agency agency, Locale locale) {
        return english(locale) ? agency.nameEn() : agency.nameVi();
    }

    /** The agency named by its code in the tenant, or the code itself. */
    public String agency(Tenant tenant, String code, Locale locale) {
        return tenant.agency(code).map(agency -> agency(agency, locale)).orElse(code);
    }

    public String tenant(Tenant tenant, Locale locale) {
        return english(locale) ? tenant.nameEn() : tenant.nameVi();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
