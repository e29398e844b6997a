package vn.edialog.app.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.query.sla.MonthlyTrend;

/**
 * The report's figures as files: CSV (RFC 4180, UTF-8 with a byte order mark so that Excel reads Vietnamese, a header
 * row, one row per agency and the province total; numbers without grouping, with the decimal separator of the page's
 * language: in Vietnamese a decimal comma and so ";" between fields, as spreadsheets set up for Vietnam read them, in
 * English a decimal point and ",") and XLSX (a
 * sheet of figures, a sheet of the monthly trend, a sheet naming the period; number cells, bold headers). Both write
 * the figures the page shows, rounded the same way ({@link Figures}).
 */
@Component
class SlaExports {

    static final String CSV_TYPE = "text/csv;charset=UTF-8";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ReportNames names;

    SlaExports(MessageSource messages, ReportNames names) {
        this.messages = messages;
        this.names = names;
    }

    /** {@code edialog-sla-demo-2026-01_2026-11.csv}, with the agency's code after the tenant's when there is one. */
    static String fileName(FiguresTable table, String extension) {
        return "edialog-sla-" + table.tenant().code() + (table.agency() == null ? "" : "-" + table.agency()) + "-"
                + table.period().fromLabel() + "_" + table.period().toLabel() + "." + extension;
    }

    byte[] csv(FiguresTable table, Locale locale) {
        boolean decimalComma = decimalComma(locale);
        char separator = decimalComma ? ';' : ',';
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(text("reports.col.AGENCY_CODE", locale));
        header.add(text("reports.col.AGENCY", locale));
        for (FigureColumn column : FigureColumn.values()) {
            header.add(text(column.labelKey(), locale));
        }
        line(csv, header, separator);
        for (FiguresTable.Row row : table.rowsWithTotal()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.isTotal() ? "" : row.agencyCode());
            cells.add(names.agency(row, locale));
            for (FigureColumn column : FigureColumn.values()) {
                Object value = column.value(row);
                cells.add(
                        value == null
                                ? ""
                                : value instanceof BigDecimal d
                                        ? decimalComma ? d.toPlainString().replace('.', ',') : d.toPlainString()
                                        : value.toString());
            }
            line(csv, cells, separator);
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(text, 0, withBom, BOM.length, text.length);
        return withBom;
    }

    byte[] xlsx(FiguresTable table, List<MonthlyTrend> trend, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(table, trend, locale, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void write(FiguresTable table, List<MonthlyTrend> trend, Locale locale, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "eDialog", "1.0");
        Worksheet figures = workbook.newWorksheet(text("reports.xlsx.sheet.figures", locale));
        header(figures, 0, text("reports.col.AGENCY_CODE", locale));
        header(figures, 1, text("reports.col.AGENCY", locale));
        FigureColumn[] columns = FigureColumn.values();
        for (int c = 0; c < columns.length; c++) {
            header(figures, c + 2, text(columns[c].labelKey(), locale));
        }
        int r = 1;
        for (FiguresTable.Row row : table.rowsWithTotal()) {
            figures.value(r, 0, row.isTotal() ? "" : row.agencyCode());
            figures.value(r, 1, names.agency(row, locale));
            if (row.isTotal()) {
                figures.style(r, 1).bold().set();
            }
            for (int c = 0; c < columns.length; c++) {
                number(figures, r, c + 2, columns[c].kind(), columns[c].value(row));
            }
            r++;
        }
        figures.width(0, 12);
        figures.width(1, 44);
        for (int c = 0; c < columns.length; c++) {
            figures.width(c + 2, 16);
        }
        figures.freezePane(2, 1);

        Worksheet months = workbook.newWorksheet(text("reports.xlsx.sheet.trend", locale));
        String[] trendHeaders = {
            "reports.col.MONTH",
            "reports.col.RECEIVED",
            "reports.col.FORWARDED_IN",
            "reports.col.ANSWERED_ON_TIME",
            "reports.col.ANSWERED_LATE",
            "reports.col.ON_TIME_PERCENT",
            "reports.col.MEDIAN_DAYS"
        };
        for (int c = 0; c < trendHeaders.length; c++) {
            header(months, c, text(trendHeaders[c], locale));
            months.width(c, c == 0 ? 12 : 18);
        }
        r = 1;
        for (MonthlyTrend month : trend) {
            months.value(r, 0, month.month().toString());
            number(months, r, 1, FigureColumn.Kind.COUNT, month.received());
            number(months, r, 2, FigureColumn.Kind.COUNT, month.forwardedIn());
            number(months, r, 3, FigureColumn.Kind.COUNT, month.answeredOnTime());
            number(months, r, 4, FigureColumn.Kind.COUNT, month.answeredLate());
            number(months, r, 5, FigureColumn.Kind.PERCENT, Figures.percent(month.onTimeRate()));
            number(months, r, 6, FigureColumn.Kind.DECIMAL, Figures.oneDecimal(month.medianWorkingDays()));
            r++;
        }
        months.freezePane(1, 1);

        Worksheet about = workbook.newWorksheet(text("reports.xlsx.sheet.period", locale));
        String[][] facts = {
            {text("reports.xlsx.tenant", locale), names.tenant(table.tenant(), locale)},
            {
                text("reports.xlsx.agency", locale),
                table.agency() == null
                        ? text("reports.filter.allAgencies", locale)
                        : names.agency(table.rows().get(0), locale)
            },
            {text("reports.xlsx.from", locale), table.period().first().toString()},
            {text("reports.xlsx.to", locale), table.period().last().toString()},
            {
                text("reports.xlsx.asOf", locale),
                AS_OF.format(table.asOf().atZone(WorkingDayCalendar.VIETNAM)) + " (UTC+7)"
            }
        };
        for (int i = 0; i < facts.length; i++) {
            header(about, i, 0, facts[i][0]);
            about.value(i, 1, facts[i][1]);
        }
        about.width(0, 22);
        about.width(1, 48);
        workbook.finish();
    }

    private static void header(Worksheet sheet, int column, String label) {
        header(sheet, 0, column, label);
    }

    private static void header(Worksheet sheet, int row, int column, String label) {
        sheet.value(row, column, label);
        sheet.style(row, column).bold().wrapText(true).set();
    }

    /** A number cell (left empty when there is no data); percentages as fractions shown as {@code 66.7%}. */
    private static void number(Worksheet sheet, int row, int column, FigureColumn.Kind kind, Object value) {
        if (value == null) {
            return;
        }
        switch (kind) {
            case COUNT -> sheet.value(row, column, (Number) value);
            case DECIMAL -> {
                sheet.value(row, column, (BigDecimal) value);
                sheet.style(row, column).format("0.0").set();
            }
            case PERCENT -> {
                sheet.value(row, column, ((BigDecimal) value).movePointLeft(2));
                sheet.style(row, column).format("0.0%").set();
            }
        }
    }

    /** The page writes "100,0" in Vietnamese ({@link ReportFormat}); the CSV follows it. */
    static boolean decimalComma(Locale locale) {
        return "vi".equals(locale.getLanguage());
    }

    private static void line(StringBuilder csv, List<String> cells, char separator) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(separator);
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String quote(String cell) {
        boolean needs = cell.indexOf(',') >= 0
                || cell.indexOf(';') >= 0
                || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0
                // A leading =, +, - or @ would be a formula in a spreadsheet: quote it and prefix an apostrophe.
                || (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
        if (!needs) {
            return cell;
        }
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
