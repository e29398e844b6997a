package vn.edialog.command.dialogue.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Refusal codes are part of the published language: HTTP problem details and clients rely on them. */
class RefusalTest {

    @Test
    void everyRefusalHasItsStableKebabCaseCode() {
        assertThat(new ActionNotAllowed(DialogueStatus.ANSWERED, "forward").code())
                .isEqualTo("not-allowed-in-state");
        assertThat(ActorNotAuthorized.forbidden("answer", DialogueTestData.OTHER_DEPARTMENT, "the department skhdt")
                        .code())
                .isEqualTo("forbidden");
        assertThat(ActorNotAuthorized.identityMismatch("rate-satisfaction", DialogueTestData.OTHER_BUSINESS)
                        .code())
                .isEqualTo("identity-mismatch");
        assertThat(new DialogueAlreadyClosed(UUID.randomUUID(), "answer", null).code())
                .isEqualTo("not-allowed-in-state");
        assertThat(new InvalidCommand("rating", "must be between 1 and 5").code())
                .isEqualTo("bad-payload");
        assertThat(new DialogueAlreadyExists(UUID.randomUUID()).code()).isEqualTo("conflict");
    }

    @Test
    void aStateRefusalNamesTheStateAndTheAction() {
        ActionNotAllowed refusal = new ActionNotAllowed(DialogueStatus.ANSWERED, "forward", "already answered");
        assertThat(refusal.state()).isEqualTo(DialogueStatus.ANSWERED);
        assertThat(refusal.action()).isEqualTo("forward");
        assertThat(refusal.getMessage())
                .contains("ANSWERED")
                .contains("forward")
                .contains("already answered");
    }

    @Test
    void refusalsAreTheOnlyPermittedSubtypes() {
        assertThat(DialogueRefusal.class.isSealed()).isTrue();
        assertThat(DialogueRefusal.class.getPermittedSubclasses()).hasSize(5);
    }
}
