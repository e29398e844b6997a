package vn.edialog.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator's schedule file is refused, with a message naming the problem, rather than half used. */
class ScheduleFileTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("file.json"), json, StandardCharsets.UTF_8);
    }

    private static String year(String body) {
        return "{\"format\": \"edialog-vn-working-calendar/1\", \"years\": [" + body + "]}";
    }

    private void assertRefused(String json, String message) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> ScheduleFile.read(file))
                .isInstanceOf(ScheduleFileException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> VietnamHolidays.withOverride(file)).isInstanceOf(ScheduleFileException.class);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> ScheduleFile.read(missing))
                .isInstanceOf(ScheduleFileException.class)
                .hasMessageContaining("no such schedule file")
                .hasMessageContaining("missing.json");
    }

    @Test
    void textThatIsNotJsonIsRefused() throws Exception {
        assertRefused("{ not json", "not valid JSON");
    }

    @Test
    void anotherFormatIsRefused() throws Exception {
        assertRefused("{\"format\": \"holidays/2\", \"years\": []}", "format must be");
    }

    @Test
    void aSaturdayListedAsNonWorkingWeekdayIsRefused() throws Exception {
        assertRefused(
                year("{\"year\": 2026, \"nonWorkingWeekdays\": [{\"date\": \"2026-02-14\", \"reason\": \"Tết\","
                        + " \"source\": \"x\"}]}"),
                "2026-02-14 is a SATURDAY");
    }

    @Test
    void aWeekdayListedAsMakeUpDayIsRefused() throws Exception {
        assertRefused(
                year("{\"year\": 2026, \"makeUpWorkingDays\": [{\"date\": \"2026-02-13\", \"reason\": \"bù\","
                        + " \"source\": \"x\"}]}"),
                "only a Saturday or Sunday");
    }

    @Test
    void aDateOfAnotherYearIsRefused() throws Exception {
        assertRefused(
                year("{\"year\": 2026, \"nonWorkingWeekdays\": [{\"date\": \"2027-01-01\", \"reason\": \"x\","
                        + " \"source\": \"x\"}]}"),
                "2027-01-01 is not in 2026");
    }

    @Test
    void aDayWithoutSourceIsRefused() throws Exception {
        assertRefused(
                year("{\"year\": 2026, \"nonWorkingWeekdays\": [{\"date\": \"2026-01-01\", \"reason\": \"x\"}]}"),
                "\"source\" is required");
    }

    @Test
    void aMisspeltFieldIsRefused() throws Exception {
        assertRefused(year("{\"year\": 2026, \"nonWorkingWeekday\": []}"), "unknown field \"nonWorkingWeekday\"");
    }

    @Test
    void aBadDateIsRefused() throws Exception {
        assertRefused(
                year("{\"year\": 2026, \"nonWorkingWeekdays\": [{\"date\": \"2026-02-30\", \"reason\": \"x\","
                        + " \"source\": \"x\"}]}"),
                "date must be YYYY-MM-DD");
    }

    @Test
    void aYearListedTwiceIsRefused() throws Exception {
        assertRefused(year("{\"year\": 2026}, {\"year\": 2026}"), "listed twice");
    }

    @Test
    void aDuplicateDayIsRefused() throws Exception {
        String day = "{\"date\": \"2026-01-01\", \"reason\": \"x\", \"source\": \"x\"}";
        assertRefused(year("{\"year\": 2026, \"nonWorkingWeekdays\": [" + day + ", " + day + "]}"), "listed twice");
    }

    @Test
    void confirmedDefaultsToTrue() throws Exception {
        Path file = write(year("{\"year\": 2026, \"nonWorkingWeekdays\": [{\"date\": \"2026-01-01\","
                + " \"reason\": \"Tết Dương lịch\", \"source\": \"BLLĐ\"}]}"));
        ScheduledDay day =
                ScheduleFile.read(file).years().get(2026).nonWorkingWeekdays().get(0);
        assertThat(day.confirmed()).isTrue();
        assertThat(day.reasonEn()).isEqualTo("Tết Dương lịch");
    }
}
