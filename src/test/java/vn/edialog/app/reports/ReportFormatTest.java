package vn.edialog.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class ReportFormatTest {

    private final ReportFormat format = new ReportFormat();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void vietnameseGroupsThousandsWithDotsAndWritesDecimalCommas() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));

        assertThat(format.count(1234567)).isEqualTo("1.234.567");
        assertThat(format.decimal(new BigDecimal("1234.5"))).isEqualTo("1.234,5");
        assertThat(format.share(2.0 / 3)).isEqualTo("66,7%");
        assertThat(format.days(4.25)).isEqualTo("4,3");
        assertThat(format.days(null)).isEqualTo(ReportFormat.NONE);
    }

    @Test
    void englishGroupsThousandsWithCommasAndWritesDecimalPoints() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(format.count(1234567)).isEqualTo("1,234,567");
        assertThat(format.decimal(new BigDecimal("1234.5"))).isEqualTo("1,234.5");
        assertThat(format.share(1.0)).isEqualTo("100.0%");
        assertThat(format.percent(null)).isEqualTo(ReportFormat.NONE);
    }

    @Test
    void monthsAreWrittenDayFirstStyle() {
        assertThat(format.month(YearMonth.of(2026, 3))).isEqualTo("03/2026");
        assertThat(format.shortMonth(YearMonth.of(2026, 3))).isEqualTo("03/26");
    }

    @Test
    void everyOutputRoundsHalfUpToOneDecimal() {
        assertThat(Figures.oneDecimal(2.25)).isEqualByComparingTo("2.3");
        assertThat(Figures.percent(0.6665)).isEqualByComparingTo("66.7");
        assertThat(Figures.percent(0.5)).isEqualByComparingTo("50.0");
        assertThat(Figures.percent(null)).isNull();
    }
}
