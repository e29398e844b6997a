package vn.edialog.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void withoutFiltersAReportCoversTheLastTwelveMonthsWithTheCurrentOne() {
        ReportPeriod period = ReportPeriod.parse(null, " ", TODAY);

        assertThat(period.first()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(period.last()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(period.fromLabel()).isEqualTo("2025-12");
        assertThat(period.toLabel()).isEqualTo("2026-11");
    }

    @Test
    void monthsCoverWholeMonthsAndDatesWholeDaysInVietnamTime() {
        ReportPeriod months = ReportPeriod.parse("2026-01", "2026-02", TODAY);
        ReportPeriod dates = ReportPeriod.parse("2026-01-15", "2026-01-15", TODAY);

        assertThat(months.from()).isEqualTo(Instant.parse("2025-12-31T17:00:00Z"));
        assertThat(months.to()).isEqualTo(Instant.parse("2026-02-28T17:00:00Z"));
        assertThat(dates.from()).isEqualTo(Instant.parse("2026-01-14T17:00:00Z"));
        assertThat(dates.to()).isEqualTo(Instant.parse("2026-01-15T17:00:00Z"));
    }

    @Test
    void aMissingEndIsTakenFromTheOther() {
        assertThat(ReportPeriod.parse("2026-03", null, TODAY).last()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(ReportPeriod.parse(null, "2026-06", TODAY).first()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(ReportPeriod.parse(null, "2026-06-10", TODAY).first()).isEqualTo(LocalDate.of(2025, 6, 11));
    }

    @Test
    void openStepsAreCountedNowOrAtTheEndOfAPastPeriod() {
        ReportPeriod past = ReportPeriod.parse("2026-01", "2026-02", TODAY);
        Instant now = Instant.parse("2026-11-23T03:00:00Z");

        assertThat(past.asOf(now)).isEqualTo(past.to());
        assertThat(ReportPeriod.lastTwelveMonths(TODAY).asOf(now)).isEqualTo(now);
    }

    @Test
    void aPeriodEndingBeforeItStartsLongerThanFiveYearsOrMisspelledIsRefused() {
        assertThatThrownBy(() -> ReportPeriod.parse("2026-05", "2026-04", TODAY))
                .isInstanceOfSatisfying(ReportPeriod.BadPeriod.class, bad -> assertThat(bad.reason())
                        .isEqualTo(ReportPeriod.BadPeriod.Reason.ENDS_BEFORE_START));
        assertThatThrownBy(() -> ReportPeriod.parse("2021-11", "2026-11", TODAY))
                .isInstanceOfSatisfying(ReportPeriod.BadPeriod.class, bad -> assertThat(bad.reason())
                        .isEqualTo(ReportPeriod.BadPeriod.Reason.TOO_LONG));
        assertThat(ReportPeriod.parse("2021-12", "2026-11", TODAY).first()).isEqualTo(LocalDate.of(2021, 12, 1));
        for (String bad : new String[] {"2026-13", "2026-02-30", "26-01", "2026/01", "tháng 1", "2026-1"}) {
            assertThatThrownBy(() -> ReportPeriod.parse(bad, null, TODAY))
                    .as(bad)
                    .isInstanceOfSatisfying(ReportPeriod.BadPeriod.class, refused -> assertThat(refused.reason())
                            .isEqualTo(ReportPeriod.BadPeriod.Reason.FORMAT));
        }
        assertThatThrownBy(() -> ReportPeriod.parse("x".repeat(500), null, TODAY))
                .hasMessageContaining("…")
                .hasMessageNotContaining("x".repeat(30));
    }
}
