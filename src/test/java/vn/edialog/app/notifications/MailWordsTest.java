package vn.edialog.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.EscalationStep;

/** What the mails and the embedded default's mail log say instead of UTC, step codes and whole bodies. */
class MailWordsTest {

    @Test
    void aTimeIsWrittenDayFirstAtVietnamTime() {
        assertThat(MailWords.time(Instant.parse("2026-12-24T10:00:00Z"))).isEqualTo("24/12/2026 17:00 (giờ Việt Nam)");
    }

    @Test
    void stepsAreNamedInBothLanguages() {
        assertThat(MailWords.step(EscalationStep.TRIAGE)).isEqualTo("phân loại / triage");
        assertThat(MailWords.step(EscalationStep.ANSWER)).isEqualTo("trả lời / answer");
    }

    @Test
    void theMailLogShowsTheFirstLinesOfABodyAndSaysWhenThereIsMore() {
        assertThat(MailDispatcher.firstLines("một\nhai\r\nba\nbốn", 3)).isEqualTo("  | một\n  | hai\n  | ba\n  | …\n");
        assertThat(MailDispatcher.firstLines("một\n", 3)).isEqualTo("  | một\n");
    }
}
