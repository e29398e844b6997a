package vn.edialog.query.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static vn.edialog.query.support.Parties.BUSINESS;
import static vn.edialog.query.support.Parties.CITIZEN;
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
import vn.edialog.query.support.Parties;
import vn.edialog.query.support.Projector;
import vn.edialog.query.support.Recorded;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.Tables;
import vn.edialog.query.support.TestDatabase;

/** March 2026: the 2nd is a Monday; the 7th and 8th, 14th and 15th are weekends. */
class SlaFactsProjectionIT {

    private static NamedParameterJdbcTemplate database;
    private static JdbcClient jdbc;
    private static SlaFactsProjection sla;
    private static SlaFactsQueries queries;

    /** Forwarded to skhdt, extended, answered on time after 6 working days, rated 5. */
    private final Story extendedOnTime = Story.dialogue("sla-a")
            .asked(BUSINESS, "A", "A?", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
            .forwarded(SKHDT, vn("2026-03-02T14:00"), vn("2026-03-06T17:00"))
            .acknowledged(vn("2026-03-02T15:00"))
            .extensionRequested(vn("2026-03-05T09:00"), vn("2026-03-11T17:00"))
            .extended(vn("2026-03-05T10:00"), vn("2026-03-11T17:00"))
            .answered("A.", vn("2026-03-10T10:00"))
            .rated(5, vn("2026-03-10T12:00"));

    /** Forwarded to skhdt, escalated, answered late after 4 working days, rated 2. */
    private final Story late = Story.dialogue("sla-b")
            .asked(CITIZEN, "B", "B?", vn("2026-03-03T09:00"), vn("2026-03-05T17:00"))
            .forwarded(SKHDT, vn("2026-03-03T10:00"), vn("2026-03-06T17:00"))
            .escalated("ANSWER", 1, vn("2026-03-09T08:00"))
            .answered("B.", vn("2026-03-09T09:00"))
            .rated(2, vn("2026-03-09T12:00"));

    /** Answered by the moderator itself after 1 working day, rated 4. */
    private final Story direct = Story.dialogue("sla-c")
            .asked(BUSINESS, "C", "C?", vn("2026-03-04T09:00"), vn("2026-03-06T17:00"))
            .answered("C.", vn("2026-03-05T10:00"))
            .rated(4, vn("2026-03-05T12:00"));

    /** Forwarded to stnmt, returned, forwarded to skhdt, still open there. */
    private final Story returned = Story.dialogue("sla-d")
            .asked(BUSINESS, "D", "D?", vn("2026-03-05T09:00"), vn("2026-03-09T17:00"))
            .forwarded(STNMT, vn("2026-03-05T10:00"), vn("2026-03-12T17:00"))
            .returned("Không thuộc thẩm quyền của Sở", vn("2026-03-06T09:00"))
            .forwarded(SKHDT, vn("2026-03-06T10:00"), vn("2026-03-13T17:00"));

    /** Still awaiting triage, due on the 12th. */
    private final Story untriaged =
            Story.dialogue("sla-e").asked(CITIZEN, "E", "E?", vn("2026-03-10T09:00"), vn("2026-03-12T17:00"));

    /** April: answered on time by the moderator. */
    private final Story april = Story.dialogue("sla-f")
            .asked(BUSINESS, "F", "F?", vn("2026-04-01T09:00"), vn("2026-04-03T17:00"))
            .answered("F.", vn("2026-04-02T09:00"));

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
        jdbc = JdbcClient.create(database);
        sla = new SlaFactsProjection(database, WorkingDayCalendar.weekendsOnly());
        queries = new SlaFactsQueries(database);
    }

    @BeforeEach
    void empty() {
        Projector.reset(sla);
    }

    @Test
    void aForwardAnsweredBeforeItsExtendedDueDateIsOnTime() {
        Projector.apply(sla, extendedOnTime.events());

        List<SlaFact> facts = queries.facts(TENANT, extendedOnTime.id());

        assertThat(facts).hasSize(2);
        SlaFact triage = facts.get(0);
        assertThat(triage.forwardNumber()).isZero();
        assertThat(triage.agency()).isEqualTo(UBND);
        assertThat(triage.arrival()).isEqualTo("ASKED");
        assertThat(triage.receivedAt()).isEqualTo(vn("2026-03-02T09:00"));
        assertThat(triage.dueAt()).isEqualTo(vn("2026-03-04T17:00"));
        assertThat(triage.outcome()).isEqualTo("FORWARDED");
        assertThat(triage.endedAt()).isEqualTo(vn("2026-03-02T14:00"));
        assertThat(triage.answeredAt()).isNull();
        assertThat(triage.onTime()).isNull();
        SlaFact forward = facts.get(1);
        assertThat(forward.forwardNumber()).isEqualTo(1);
        assertThat(forward.agency()).isEqualTo(SKHDT);
        assertThat(forward.acknowledgedAt()).isEqualTo(vn("2026-03-02T15:00"));
        assertThat(forward.originalDueAt()).isEqualTo(vn("2026-03-06T17:00"));
        assertThat(forward.dueAt()).isEqualTo(vn("2026-03-11T17:00"));
        assertThat(forward.extensions()).isEqualTo(1);
        assertThat(forward.answeredAt()).isEqualTo(vn("2026-03-10T10:00"));
        assertThat(forward.onTime()).isTrue();
        assertThat(forward.workingDays()).isEqualTo(6);
        assertThat(forward.rating()).isEqualTo(5);
    }

    @Test
    void anAnswerAfterItsDueDateIsLate() {
        Projector.apply(sla, late.events());

        SlaFact forward = queries.facts(TENANT, late.id()).get(1);

        assertThat(forward.onTime()).isFalse();
        assertThat(forward.workingDays()).isEqualTo(4);
        assertThat(forward.escalations()).isEqualTo(1);
        assertThat(forward.maxEscalationLevel()).isEqualTo(1);
    }

    @Test
    void workingDaysAcrossAWeekendCountOnlyTheWorkingDays() {
        Story story = Story.dialogue("sla-weekend")
                .asked(BUSINESS, "W", "W?", vn("2026-03-06T10:00"), vn("2026-03-06T17:00"))
                .answered("W.", vn("2026-03-09T09:00"));

        Projector.apply(sla, story.events());

        SlaFact triage = queries.facts(TENANT, story.id()).get(0);
        assertThat(triage.workingDays()).isEqualTo(1);
        assertThat(triage.onTime()).isFalse();
        assertThat(SlaFactsProjection.workingDays(
                        WorkingDayCalendar.weekendsOnly(), vn("2026-03-06T10:00"), vn("2026-03-06T16:00")))
                .isZero();
        assertThat(SlaFactsProjection.workingDays(
                        WorkingDayCalendar.weekendsOnly(), vn("2026-03-06T23:30"), vn("2026-03-07T08:00")))
                .as("Vietnamese dates, not UTC ones")
                .isZero();
    }

    @Test
    void theCalendarGivenToTheProjectionDecidesWhichDaysCount() {
        WorkingDayCalendar holidayOnMonday =
                new WorkingDayCalendar(Set.of(LocalDate.of(2026, 3, 9)), LocalTime.of(17, 0));
        SlaFactsProjection withHoliday = new SlaFactsProjection(database, holidayOnMonday);
        Story story = Story.dialogue("sla-holiday")
                .asked(BUSINESS, "H", "H?", vn("2026-03-06T10:00"), vn("2026-03-11T17:00"))
                .answered("H.", vn("2026-03-10T09:00"));

        Projector.apply(withHoliday, story.events());
        int withTheHoliday = queries.facts(TENANT, story.id()).get(0).workingDays();
        Projector.rebuild(sla, story.events());
        int weekendsOnly = queries.facts(TENANT, story.id()).get(0).workingDays();

        assertThat(withTheHoliday).isEqualTo(1);
        assertThat(weekendsOnly).isEqualTo(2);
    }

    @Test
    void aReturnedForwardKeepsItsReasonAndSendsTheCaseBackToTriage() {
        Projector.apply(sla, returned.events());

        List<SlaFact> facts = queries.facts(TENANT, returned.id());

        assertThat(facts)
                .extracting(SlaFact::forwardNumber, SlaFact::round, SlaFact::agency, SlaFact::arrival, SlaFact::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 1, UBND, "ASKED", "FORWARDED"),
                        org.assertj.core.groups.Tuple.tuple(0, 2, UBND, "RETURNED", "FORWARDED"),
                        org.assertj.core.groups.Tuple.tuple(1, 0, STNMT, "FORWARDED", "RETURNED"),
                        org.assertj.core.groups.Tuple.tuple(2, 0, SKHDT, "FORWARDED", null));
        SlaFact returnedForward = facts.get(2);
        assertThat(returnedForward.returnedAt()).isEqualTo(vn("2026-03-06T09:00"));
        assertThat(returnedForward.returnReason()).isEqualTo("Không thuộc thẩm quyền của Sở");
        assertThat(facts.get(1).receivedAt()).isEqualTo(vn("2026-03-06T09:00"));
        assertThat(facts.get(1).dueAt()).as("the triage deadline in force").isEqualTo(vn("2026-03-09T17:00"));
    }

    @Test
    void escalationsAreCountedOnTheStepThatHeldTheDeadline() {
        Story story = Story.dialogue("sla-escalated")
                .asked(BUSINESS, "X", "X?", vn("2026-03-02T09:00"), vn("2026-03-03T17:00"))
                .escalated("TRIAGE", 1, vn("2026-03-04T08:00"))
                .escalated("TRIAGE", 2, vn("2026-03-05T08:00"))
                .forwarded(SKHDT, vn("2026-03-05T09:00"), vn("2026-03-06T17:00"))
                .escalated("ANSWER", 1, vn("2026-03-09T08:00"));

        Projector.apply(sla, story.events());

        assertThat(queries.facts(TENANT, story.id()))
                .extracting(SlaFact::forwardNumber, SlaFact::escalations, SlaFact::maxEscalationLevel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 2, 2), org.assertj.core.groups.Tuple.tuple(1, 1, 1));
    }

    @Test
    void aReopenedDialogueOpensANewTriageRoundWithItsNewDueDate() {
        Story story = Story.dialogue("sla-reopened")
                .asked(BUSINESS, "R", "R?", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .answered("R.", vn("2026-03-03T09:00"))
                .rated(3, vn("2026-03-03T10:00"))
                .closed(vn("2026-03-04T09:00"))
                .reopened(vn("2026-03-05T09:00"), vn("2026-03-09T17:00"))
                .forwarded(SKHDT, vn("2026-03-05T10:00"), vn("2026-03-12T17:00"))
                .answered("R2.", vn("2026-03-11T09:00"))
                .rated(5, vn("2026-03-11T10:00"));

        Projector.apply(sla, story.events());

        assertThat(queries.facts(TENANT, story.id()))
                .extracting(
                        SlaFact::forwardNumber,
                        SlaFact::round,
                        SlaFact::arrival,
                        SlaFact::dueAt,
                        SlaFact::outcome,
                        SlaFact::rating)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 1, "ASKED", vn("2026-03-04T17:00"), "ANSWERED", 3),
                        org.assertj.core.groups.Tuple.tuple(
                                0, 2, "REOPENED", vn("2026-03-09T17:00"), "FORWARDED", null),
                        org.assertj.core.groups.Tuple.tuple(1, 0, "FORWARDED", vn("2026-03-12T17:00"), "ANSWERED", 5));
    }

    @Test
    void satisfactionIsAttributedToTheAnsweringAgency() {
        Projector.apply(sla, marchAndApril());

        SlaReport skhdt = queries.report(march(SKHDT));
        SlaReport ubnd = queries.report(march(UBND));

        assertThat(skhdt.averageSatisfaction()).isCloseTo(3.5, within(1e-9));
        assertThat(skhdt.satisfactionCount()).isEqualTo(2);
        assertThat(ubnd.averageSatisfaction()).isCloseTo(4.0, within(1e-9));
        assertThat(ubnd.satisfactionCount()).isEqualTo(1);
    }

    @Test
    void theReportOfAllAgenciesCountsEveryKindOfFact() {
        Projector.apply(sla, marchAndApril());

        SlaReport report = queries.report(march(null));

        assertThat(report.received()).isEqualTo(5);
        assertThat(report.forwardedIn()).isEqualTo(4);
        assertThat(report.answeredOnTime()).isEqualTo(2);
        assertThat(report.answeredLate()).isEqualTo(1);
        assertThat(report.open())
                .as("skhdt's second forward of D and E's triage")
                .isEqualTo(2);
        assertThat(report.overdue()).as("E's triage was due on the 12th").isEqualTo(1);
        assertThat(report.medianWorkingDays()).isEqualTo(4.0);
        assertThat(report.p90WorkingDays()).isCloseTo(5.6, within(1e-9));
        assertThat(report.escalations()).isEqualTo(1);
        assertThat(report.returns()).isEqualTo(1);
        assertThat(report.extensions()).isEqualTo(1);
        assertThat(report.averageSatisfaction()).isCloseTo(11.0 / 3, within(1e-9));
        assertThat(report.satisfactionCount()).isEqualTo(3);
    }

    @Test
    void theReportOfOneAgencyCountsOnlyItsSteps() {
        Projector.apply(sla, marchAndApril());

        SlaReport skhdt = queries.report(march(SKHDT));
        SlaReport stnmt = queries.report(march(STNMT));

        assertThat(skhdt.received()).isZero();
        assertThat(skhdt.forwardedIn()).isEqualTo(3);
        assertThat(skhdt.answeredOnTime()).isEqualTo(1);
        assertThat(skhdt.answeredLate()).isEqualTo(1);
        assertThat(skhdt.open()).isEqualTo(1);
        assertThat(skhdt.overdue()).isZero();
        assertThat(skhdt.medianWorkingDays()).isEqualTo(5.0);
        assertThat(skhdt.p90WorkingDays()).isCloseTo(5.8, within(1e-9));
        assertThat(skhdt.extensions()).isEqualTo(1);
        assertThat(stnmt.forwardedIn()).isEqualTo(1);
        assertThat(stnmt.returns()).isEqualTo(1);
        assertThat(stnmt.medianWorkingDays()).isNull();
        assertThat(stnmt.averageSatisfaction()).isNull();
    }

    @Test
    void openAndOverdueAreCountedAsOfTheGivenInstant() {
        Projector.apply(sla, marchAndApril());

        SlaReport earlier = queries.report(new SlaReportQuery(
                TENANT, null, vn("2026-03-01T00:00"), vn("2026-04-01T00:00"), vn("2026-03-06T12:00")));

        // As of Friday noon: A's forward (due the 11th after extension), B's forward (due that evening), D's
        // triage round 2 ended, D's second forward (due the 13th) open; C answered; E not received yet.
        assertThat(earlier.open()).isEqualTo(3);
        assertThat(earlier.overdue()).isZero();
    }

    @Test
    void percentilesOfWorkingDaysAreContinuous() {
        List<Recorded> events = new ArrayList<>();
        String[] answers = {"2026-03-03T10:00", "2026-03-04T10:00", "2026-03-05T10:00", "2026-03-16T10:00"};
        for (int i = 0; i < answers.length; i++) {
            events.addAll(Story.dialogue("sla-percentile-" + i)
                    .asked(BUSINESS, "P", "P?", vn("2026-03-02T09:00"), vn("2026-03-20T17:00"))
                    .answered("P.", vn(answers[i]))
                    .events());
        }
        Projector.apply(sla, events);

        SlaReport report = queries.report(march(UBND));

        // Working days 1, 2, 3 and 10.
        assertThat(report.medianWorkingDays()).isCloseTo(2.5, within(1e-9));
        assertThat(report.p90WorkingDays()).isCloseTo(7.9, within(1e-9));
    }

    @Test
    void agenciesAreRankedByShareOnTimeThenMedianWorkingDays() {
        Projector.apply(sla, marchAndApril());

        List<AgencyRanking> ranking = queries.ranking(TENANT, vn("2026-03-01T00:00"), vn("2026-04-01T00:00"));

        assertThat(ranking)
                .extracting(AgencyRanking::rank, AgencyRanking::agency, AgencyRanking::onTimeRate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, UBND, 1.0),
                        org.assertj.core.groups.Tuple.tuple(2, SKHDT, 0.5),
                        org.assertj.core.groups.Tuple.tuple(3, STNMT, null));
        assertThat(ranking.get(0).received()).isEqualTo(5);
        assertThat(ranking.get(1).forwardedIn()).isEqualTo(3);
        assertThat(ranking.get(1).medianWorkingDays()).isEqualTo(5.0);
        assertThat(ranking.get(1).averageSatisfaction()).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void theMonthlyTrendCountsEveryMonthOfThePeriodIncludingEmptyOnes() {
        Projector.apply(sla, marchAndApril());

        List<MonthlyTrend> all = queries.monthlyTrend(TENANT, null, vn("2026-03-01T00:00"), vn("2026-06-01T00:00"));
        List<MonthlyTrend> skhdt = queries.monthlyTrend(TENANT, SKHDT, vn("2026-03-01T00:00"), vn("2026-05-01T00:00"));

        assertThat(all)
                .containsExactly(
                        new MonthlyTrend(YearMonth.of(2026, 3), 5, 4, 2, 1, 4.0),
                        new MonthlyTrend(YearMonth.of(2026, 4), 1, 0, 1, 0, 1.0),
                        new MonthlyTrend(YearMonth.of(2026, 5), 0, 0, 0, 0, null));
        assertThat(skhdt)
                .containsExactly(
                        new MonthlyTrend(YearMonth.of(2026, 3), 0, 3, 1, 1, 5.0),
                        new MonthlyTrend(YearMonth.of(2026, 4), 0, 0, 0, 0, null));
    }

    @Test
    void monthsAreVietnameseCalendarMonths() {
        // 23:30 on 31 March in Vietnam is still March there, though 16:30 UTC; 00:30 on 1 April is April.
        Story lateMarch = Story.dialogue("sla-late-march")
                .asked(BUSINESS, "M", "M?", vn("2026-03-31T23:30"), vn("2026-04-02T17:00"));
        Story earlyApril = Story.dialogue("sla-early-april")
                .asked(BUSINESS, "N", "N?", vn("2026-04-01T00:30"), vn("2026-04-03T17:00"));
        Projector.apply(sla, Story.interleaved(lateMarch, earlyApril));

        assertThat(queries.monthlyTrend(TENANT, UBND, vn("2026-03-01T00:00"), vn("2026-05-01T00:00")))
                .extracting(MonthlyTrend::received)
                .containsExactly(1L, 1L);
    }

    @Test
    void aReportNeedsATenantAndANonEmptyPeriod() {
        assertThatThrownBy(() -> new SlaReportQuery(
                        " ", null, vn("2026-03-01T00:00"), vn("2026-04-01T00:00"), vn("2026-04-01T00:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaReportQuery(
                        TENANT, null, vn("2026-04-01T00:00"), vn("2026-04-01T00:00"), vn("2026-04-01T00:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyingEveryEventTwiceChangesNothing() {
        List<Recorded> events = marchAndApril();
        Projector.apply(sla, events);
        var once = Tables.dump(jdbc, "sla_step", "sla_dialogue");

        events.forEach(event -> Projector.apply(sla, event));
        Projector.apply(sla, events);

        assertThat(Tables.dump(jdbc, "sla_step", "sla_dialogue")).isEqualTo(once);
        assertThat(queries.report(march(null)).forwardedIn()).isEqualTo(4);
    }

    @Test
    void resetEmptiesTheFacts() {
        Projector.apply(sla, marchAndApril());

        Projector.reset(sla);

        assertThat(Tables.count(jdbc, "sla_step")).isZero();
        assertThat(Tables.count(jdbc, "sla_dialogue")).isZero();
    }

    @Test
    void aRebuildByReplayGivesIdenticalFacts() {
        List<Recorded> events = marchAndApril();
        Projector.apply(sla, events);
        var before = Tables.dump(jdbc, "sla_step", "sla_dialogue");

        Projector.rebuild(sla, events);

        assertThat(Tables.dump(jdbc, "sla_step", "sla_dialogue")).isEqualTo(before);
    }

    private List<Recorded> marchAndApril() {
        return Story.interleaved(extendedOnTime, late, direct, returned, untriaged, april);
    }

    private static SlaReportQuery march(String agency) {
        return new SlaReportQuery(
                Parties.TENANT, agency, vn("2026-03-01T00:00"), vn("2026-04-01T00:00"), vn("2026-03-13T09:00"));
    }
}
