package vn.edialog.query.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static vn.edialog.query.support.Parties.BUSINESS;
import static vn.edialog.query.support.Parties.CITIZEN;
import static vn.edialog.query.support.Parties.OTHER_TENANT;
import static vn.edialog.query.support.Parties.SKHDT;
import static vn.edialog.query.support.Parties.STNMT;
import static vn.edialog.query.support.Parties.TENANT;
import static vn.edialog.query.support.Parties.UBND;
import static vn.edialog.query.support.Parties.vn;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.query.support.Projector;
import vn.edialog.query.support.Recorded;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.TestDatabase;

/**
 * The management figures computed from the SLA facts: per agency, working days across weekends and holidays,
 * satisfaction, open and overdue as of a date, and the public on-time figure. March 2026: the 2nd is a Monday.
 */
class SlaReportsIT {

    /** Monday the 9th of March 2026 is a holiday in this calendar. */
    private static final WorkingDayCalendar HOLIDAY_ON_THE_NINTH =
            new WorkingDayCalendar(Set.of(LocalDate.of(2026, 3, 9)), LocalTime.of(17, 0));

    private static NamedParameterJdbcTemplate database;
    private static JdbcClient jdbc;
    private static SlaFactsProjection weekendsOnly;
    private static SlaFactsProjection withHoliday;
    private static SlaFactsQueries queries;

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
        jdbc = JdbcClient.create(database);
        weekendsOnly = new SlaFactsProjection(database, WorkingDayCalendar.weekendsOnly());
        withHoliday = new SlaFactsProjection(database, HOLIDAY_ON_THE_NINTH);
        queries = new SlaFactsQueries(database);
    }

    @BeforeEach
    void empty() {
        Projector.reset(weekendsOnly);
    }

    /** Five questions received on Friday the 6th, answered by the moderator on the given days. */
    private static List<Recorded> answeredAfterAWeekendAndAHoliday() {
        String[] answers = {
            "2026-03-09T10:00", "2026-03-10T10:00", "2026-03-11T10:00", "2026-03-13T10:00", "2026-03-16T10:00"
        };
        List<Recorded> events = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            events.addAll(Story.dialogue("reports-days-" + i)
                    .asked(BUSINESS, "D", "D?", vn("2026-03-06T10:00"), vn("2026-03-20T17:00"))
                    .answered("D.", vn(answers[i]))
                    .events());
        }
        return events;
    }

    @Test
    void medianAndNinetiethPercentileCountWorkingDaysSkippingWeekendsAndHolidays() {
        Projector.apply(withHoliday, answeredAfterAWeekendAndAHoliday());
        SlaReport holiday = queries.report(march(UBND, "2026-03-31T00:00"));
        Projector.rebuild(weekendsOnly, answeredAfterAWeekendAndAHoliday());
        SlaReport weekends = queries.report(march(UBND, "2026-03-31T00:00"));

        // With the 9th a holiday: 0, 1, 2, 4 and 5 working days; without it: 1, 2, 3, 5 and 6.
        assertThat(holiday.medianWorkingDays()).isCloseTo(2.0, within(1e-9));
        assertThat(holiday.p90WorkingDays()).isCloseTo(4.6, within(1e-9));
        assertThat(weekends.medianWorkingDays()).isCloseTo(3.0, within(1e-9));
        assertThat(weekends.p90WorkingDays()).isCloseTo(5.6, within(1e-9));
        assertThat(holiday.answered()).isEqualTo(5);
        assertThat(holiday.onTimeRate()).isEqualTo(1.0);
    }

    @Test
    void theFiguresPerAgencyAreEachAgencysOwnReport() {
        Projector.apply(weekendsOnly, scenario());
        SlaReportQuery all = march(null, "2026-03-13T09:00");

        List<SlaReport> perAgency = queries.reportsPerAgency(all);

        assertThat(perAgency).extracting(SlaReport::agency).containsExactly(SKHDT, STNMT, UBND);
        for (SlaReport report : perAgency) {
            assertThat(report)
                    .as(report.agency())
                    .isEqualTo(queries.report(
                            new SlaReportQuery(TENANT, report.agency(), all.from(), all.to(), all.asOf())));
        }
        SlaReport total = queries.report(all);
        assertThat(perAgency.stream().mapToLong(SlaReport::received).sum()).isEqualTo(total.received());
        assertThat(perAgency.stream().mapToLong(SlaReport::forwardedIn).sum()).isEqualTo(total.forwardedIn());
        assertThat(perAgency.stream().mapToLong(SlaReport::open).sum()).isEqualTo(total.open());
        assertThat(queries.reportsPerAgency(march(SKHDT, "2026-03-13T09:00")))
                .extracting(SlaReport::agency)
                .containsExactly(SKHDT);
    }

    @Test
    void satisfactionAveragesTheRatedAnswersOnly() {
        Projector.apply(weekendsOnly, scenario());

        SlaReport skhdt = queries.report(march(SKHDT, "2026-03-31T00:00"));

        // Two answers of skhdt: one rated 2, one not rated.
        assertThat(skhdt.answered()).isEqualTo(2);
        assertThat(skhdt.averageSatisfaction()).isCloseTo(2.0, within(1e-9));
        assertThat(skhdt.satisfactionCount()).isEqualTo(1);
    }

    @Test
    void aForwardIsOverdueOnlyWhileOpenPastItsDueDateAfterExtensions() {
        Projector.apply(weekendsOnly, scenario());

        // Late: due Wednesday the 4th, answered Friday the 6th at 10:00. Extended: due Friday the 6th, extended to
        // Wednesday the 11th, answered on the 10th.
        SlaReport thursday = queries.report(march(SKHDT, "2026-03-05T12:00"));
        SlaReport fridayAfternoon = queries.report(march(SKHDT, "2026-03-06T18:00"));
        SlaReport monday = queries.report(march(SKHDT, "2026-03-09T12:00"));
        SlaReport later = queries.report(march(SKHDT, "2026-03-12T12:00"));

        assertThat(thursday.open()).isEqualTo(2);
        assertThat(thursday.overdue()).as("the late forward, past the 4th").isEqualTo(1);
        assertThat(fridayAfternoon.open()).as("the late one was answered").isEqualTo(1);
        assertThat(fridayAfternoon.overdue())
                .as("the other was extended to the 11th")
                .isZero();
        assertThat(monday.open()).isEqualTo(1);
        assertThat(monday.overdue()).isZero();
        assertThat(later.open()).isZero();
        assertThat(later.overdue()).isZero();
        assertThat(later.answeredLate()).isEqualTo(1);
        assertThat(later.answeredOnTime()).isEqualTo(1);
        assertThat(later.extensions()).isEqualTo(1);
    }

    @Test
    void anUntriagedQuestionPastItsTriageDeadlineIsOverdueForTheModerator() {
        Projector.apply(weekendsOnly, scenario());

        SlaReport before = queries.report(march(UBND, "2026-03-12T12:00"));
        SlaReport after = queries.report(march(UBND, "2026-03-13T09:00"));

        assertThat(before.open()).isEqualTo(1);
        assertThat(before.overdue()).isZero();
        assertThat(after.open()).isEqualTo(1);
        assertThat(after.overdue()).isEqualTo(1);
    }

    @Test
    void thePublicOnTimeFigureCountsAnswersByTheTimeOfTheAnswer() {
        Projector.apply(weekendsOnly, scenario());
        Projector.apply(
                weekendsOnly,
                Story.dialogue("reports-april-answer")
                        .asked(CITIZEN, "Q", "Q?", vn("2026-03-30T09:00"), vn("2026-04-01T17:00"))
                        .answered("Q.", vn("2026-04-02T09:00"))
                        .events());

        List<OnTimeFigure> march = queries.onTimeFigures(TENANT, vn("2026-03-01T00:00"), vn("2026-04-01T00:00"));
        List<OnTimeFigure> april = queries.onTimeFigures(TENANT, vn("2026-04-01T00:00"), vn("2026-05-01T00:00"));

        assertThat(march).containsExactly(new OnTimeFigure(SKHDT, 2, 1), new OnTimeFigure(UBND, 1, 1));
        assertThat(march.get(0).onTimeRate()).isEqualTo(0.5);
        assertThat(april).as("received in March, answered late in April").containsExactly(new OnTimeFigure(UBND, 1, 0));
        assertThat(queries.onTimeFigures(OTHER_TENANT, vn("2026-03-01T00:00"), vn("2026-04-01T00:00")))
                .isEmpty();
        assertThatThrownBy(() -> queries.onTimeFigures(TENANT, vn("2026-04-01T00:00"), vn("2026-03-01T00:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMonthlyTrendGivesTheMedianWorkingDaysOfEachMonth() {
        Projector.apply(weekendsOnly, scenario());

        List<MonthlyTrend> trend = queries.monthlyTrend(TENANT, SKHDT, vn("2026-02-01T00:00"), vn("2026-04-01T00:00"));

        // skhdt in March: the late forward took 3 working days, the extended one 6.
        assertThat(trend).extracting(MonthlyTrend::month).containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(trend.get(0).medianWorkingDays()).isNull();
        assertThat(trend.get(0).onTimeRate()).isNull();
        assertThat(trend.get(1).medianWorkingDays()).isCloseTo(4.5, within(1e-9));
        assertThat(trend.get(1).onTimeRate()).isEqualTo(0.5);
    }

    /**
     * skhdt: a forward received Tuesday the 3rd, due the 4th, answered late on the 6th (3 working days) and rated 2;
     * another received Monday the 2nd, due the 6th, extended to the 11th, answered on the 10th (6 working days), not
     * rated. stnmt: a forward returned. ubnd: a question answered directly on time, and one never triaged, due the 12th.
     */
    private static List<Recorded> scenario() {
        Story late = Story.dialogue("reports-late")
                .asked(CITIZEN, "L", "L?", vn("2026-03-03T08:30"), vn("2026-03-05T17:00"))
                .forwarded(SKHDT, vn("2026-03-03T09:00"), vn("2026-03-04T17:00"))
                .answered("L.", vn("2026-03-06T10:00"))
                .rated(2, vn("2026-03-06T11:00"));
        Story extended = Story.dialogue("reports-extended")
                .asked(BUSINESS, "E", "E?", vn("2026-03-02T08:30"), vn("2026-03-04T17:00"))
                .forwarded(SKHDT, vn("2026-03-02T09:00"), vn("2026-03-06T17:00"))
                .extensionRequested(vn("2026-03-05T09:00"), vn("2026-03-11T17:00"))
                .extended(vn("2026-03-05T10:00"), vn("2026-03-11T17:00"))
                .answered("E.", vn("2026-03-10T10:00"));
        Story returned = Story.dialogue("reports-returned")
                .asked(BUSINESS, "R", "R?", vn("2026-03-02T08:30"), vn("2026-03-04T17:00"))
                .forwarded(STNMT, vn("2026-03-02T09:00"), vn("2026-03-09T17:00"))
                .returned("Không thuộc thẩm quyền", vn("2026-03-03T09:00"))
                .answered("R.", vn("2026-03-03T10:00"))
                .rated(5, vn("2026-03-03T11:00"));
        Story untriaged = Story.dialogue("reports-untriaged")
                .asked(CITIZEN, "U", "U?", vn("2026-03-10T09:00"), vn("2026-03-12T17:00"));
        return Story.interleaved(late, extended, returned, untriaged);
    }

    private static SlaReportQuery march(String agency, String asOf) {
        return new SlaReportQuery(TENANT, agency, vn("2026-03-01T00:00"), vn("2026-04-01T00:00"), vn(asOf));
    }
}
