package vn.edialog.app.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rounding every report output shares, so that the page, the CSV and the XLSX show the same figures: working
 * days and satisfaction with one decimal, shares as percentages with one decimal (half up).
 */
final class Figures {

    private Figures() {}

    /** One decimal; null stays null (no data). */
    static BigDecimal oneDecimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    /** A share from 0 to 1 as a percentage with one decimal; null stays null. */
    static BigDecimal percent(Double share) {
        return share == null
                ? null
                : BigDecimal.valueOf(share).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }
}
