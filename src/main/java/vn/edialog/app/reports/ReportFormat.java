package vn.edialog.app.reports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.edialog.app.web.L10n;

/**
 * Numbers as the reader's language writes them, called from the report templates as {@code @reportFormat}:
 * Vietnamese {@code 1.234,5}, English {@code 1,234.5}; percentages and working days with one decimal. The symbols are
 * fixed here rather than taken from the JDK's locale data, which has changed between releases.
 */
@Component("reportFormat")
public class ReportFormat {

    /** Shown for a figure without data (no answer, no rating). */
    public static final String NONE = "–";

    public String count(long value) {
        return format("#,##0", locale()).format(value);
    }

    /** One decimal: working days, satisfaction. */
    public String decimal(BigDecimal value) {
        return value == null ? NONE : format("#,##0.0", locale()).format(value);
    }

    /** A percentage already rounded to one decimal, with its sign. */
    public String percent(BigDecimal value) {
        return value == null ? NONE : format("#,##0.0", locale()).format(value) + "%";
    }

    /** A share from 0 to 1 as a percentage with one decimal. */
    public String share(Double share) {
        return percent(Figures.percent(share));
    }

    /** A working-day figure (one decimal) not rounded yet. */
    public String days(Double value) {
        return decimal(Figures.oneDecimal(value));
    }

    /** One figure of a report row, as its column writes it. */
    public String cell(FigureColumn column, FiguresTable.Row row) {
        Object value = column.value(row);
        return switch (column.kind()) {
            case COUNT -> count((Long) value);
            case DECIMAL -> decimal((BigDecimal) value);
            case PERCENT -> percent((BigDecimal) value);
        };
    }

    /** A month as {@code 11/2026}. */
    public String month(YearMonth month) {
        return String.format(Locale.ROOT, "%02d/%d", month.getMonthValue(), month.getYear());
    }

    /** A month as {@code 11/26}, for chart axes. */
    public String shortMonth(YearMonth month) {
        return String.format(Locale.ROOT, "%02d/%02d", month.getMonthValue(), month.getYear() % 100);
    }

    static DecimalFormat format(String pattern, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        boolean english = "en".equals(locale.getLanguage());
        symbols.setGroupingSeparator(english ? ',' : '.');
        symbols.setDecimalSeparator(english ? '.' : ',');
        symbols.setMinusSign('-');
        return new DecimalFormat(pattern, symbols);
    }

    private static Locale locale() {
        return L10n.locale();
    }
}
