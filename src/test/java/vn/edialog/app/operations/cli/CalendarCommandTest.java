package vn.edialog.app.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calendar holidays} and {@code calendar add}: outputs and exit codes (0 done, 2 unusable input). */
class CalendarCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void calendarIsACommandOfTheJar() {
        assertThat(Cli.isCommand(new String[] {"calendar", "holidays", "--year", "2026"}))
                .isTrue();
    }

    @Test
    void holidaysPrintsTheNonWorkingWeekdaysOf2026OnePerLine() {
        Run run = run("calendar", "holidays", "--year", "2026");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "2026-01-01",
                        "2026-01-02",
                        "2026-02-16",
                        "2026-02-17",
                        "2026-02-18",
                        "2026-02-19",
                        "2026-02-20",
                        "2026-04-27",
                        "2026-04-30",
                        "2026-05-01",
                        "2026-08-31",
                        "2026-09-01",
                        "2026-09-02");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void holidaysWithJsonPrintsDateReasonAndSource() throws Exception {
        Run run = run("calendar", "holidays", "--year", "2025", "--json");
        assertThat(run.exit()).isZero();
        JsonNode array = run.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(12);
        JsonNode tet = array.get(3);
        assertThat(tet.get("date").asText()).isEqualTo("2025-01-29");
        assertThat(tet.get("reason").asText()).contains("mùng 1 Tết Ất Tỵ");
        assertThat(tet.get("source").asText()).contains("6150/TB-BLĐTBXH");
        assertThat(tet.size()).isEqualTo(3);
    }

    @Test
    void holidaysOfAYearWithoutDataAreComputedByTheRulesAndSaySo() {
        Run run = run("calendar", "holidays", "--year", "2031");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).contains("2031-01-27", "2031-04-01", "2031-09-01");
        assertThat(run.err()).contains("no decreed schedule for 2031");
    }

    @Test
    void addCountsWorkingDaysAcrossTet() {
        Run run = run("calendar", "add", "--from", "2026-02-12", "--working-days", "2");
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("2026-02-23");
    }

    @Test
    void addCountsAMakeUpSaturday() {
        Run run = run("calendar", "add", "--from", "2026-08-21", "--working-days", "1");
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("2026-08-22");
        assertThat(run("calendar", "add", "--from", "2026-08-28", "--working-days", "1")
                        .out()
                        .strip())
                .isEqualTo("2026-09-03");
    }

    @Test
    void anOverrideScheduleIsUsed() throws Exception {
        Path file = Files.writeString(
                dir.resolve("schedule.json"),
                """
                {"format": "edialog-vn-working-calendar/1", "years": [{"year": 2027, "nonWorkingWeekdays": [
                  {"date": "2027-02-04", "reason": "Tết Đinh Mùi", "source": "Thông báo giả định"}]}]}
                """,
                StandardCharsets.UTF_8);
        Run holidays = run("calendar", "holidays", "--year", "2027", "--schedule", file.toString());
        assertThat(holidays.exit()).isZero();
        assertThat(holidays.out().strip()).isEqualTo("2027-02-04");
        assertThat(holidays.err()).isEmpty();
        Run add = run("calendar", "add", "--from", "2027-02-03", "--working-days", "1", "--schedule", file.toString());
        assertThat(add.out().strip()).isEqualTo("2027-02-05");
    }

    @Test
    void aBadYearIsUnusableInput() {
        Run run = run("calendar", "holidays", "--year", "twenty");
        assertThat(run.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(run.err()).contains("--year must be a four-digit year").contains("twenty");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aYearWithoutScheduleIsUnusableInput() {
        Run run = run("calendar", "holidays", "--year", "1999");
        assertThat(run.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(run.err()).contains("no working-day schedule for 1999");
    }

    @Test
    void aBadDateIsUnusableInput() {
        Run run = run("calendar", "add", "--from", "2026-02-30", "--working-days", "2");
        assertThat(run.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(run.err()).contains("--from must be a date").contains("2026-02-30");
    }

    @Test
    void aBadNumberOfWorkingDaysIsUnusableInput() {
        for (String bad : new String[] {"-1", "two", "99999", "1.5"}) {
            Run run = run("calendar", "add", "--from", "2026-02-12", "--working-days", bad);
            assertThat(run.exit()).as(bad).isEqualTo(Cli.UNUSABLE);
            assertThat(run.err()).as(bad).contains("--working-days must be a whole number");
        }
    }

    @Test
    void aBrokenScheduleFileIsUnusableInput() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"other\", \"years\": []}");
        Run run = run("calendar", "holidays", "--year", "2026", "--schedule", file.toString());
        assertThat(run.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(run.err()).contains("broken.json").contains("format must be");
        Run missing = run(
                "calendar",
                "add",
                "--from",
                "2026-01-01",
                "--working-days",
                "1",
                "--schedule",
                dir.resolve("none.json").toString());
        assertThat(missing.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(missing.err()).contains("no such schedule file");
    }

    @Test
    void helpDescribesTheCommands() {
        Run run = run("calendar", "holidays", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--year").contains("--json").contains("--schedule");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        Run run = run("calendar", "add", "--from", "2026-02-12");
        assertThat(run.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(run.err()).contains("--working-days");
    }
}
