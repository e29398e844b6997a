package vn.edialog.command.dialogue;

import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.CITIZEN;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.SYSTEM;

import java.time.Duration;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.AskDialogueCommand;
import vn.edialog.command.dialogue.api.Attachment;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.Recorded;
import vn.edialog.command.dialogue.api.SignedPayload;

/** Asking opens a dialogue; only a well-formed question from a business or citizen does. */
class AskingTest extends DialogueTestBase {

    @Test
    void aBusinessAskingOpensADialogueAwaitingTriage() {
        AskDialogueCommand ask = story.ask();
        DialogueAsked asked = (DialogueAsked) story.then(ask);
        fixture.givenNoPriorActivity()
                .when(ask)
                .expectSuccessfulHandlerExecution()
                .expectEvents(asked)
                // The ask is the dialogue's first event: sequence 0, chained from the genesis hash.
                .expectResultMessagePayload(new Recorded(0, asked.evidence().hash()));
    }

    @Test
    void aCitizenMayAskConfidentially() {
        AskDialogueCommand ask = story.ask(CITIZEN, true);
        fixture.givenNoPriorActivity().when(ask).expectEvents(story.then(ask));
    }

    @Test
    void anOfficialCannotAsk() {
        refused(story.ask(MODERATOR, false), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void theSystemCannotAsk() {
        refused(story.ask(SYSTEM, false), ActorNotAuthorized.class);
    }

    @Test
    void askingWithAMalformedTaxCodeIsRefused() {
        refused(story.ask(new Actor(ActorKind.BUSINESS, "MST:12AB", "Công ty X", null), false), InvalidCommand.class);
    }

    @Test
    void askingAsACitizenWithAMalformedIdentityNumberIsRefused() {
        refused(
                story.ask(new Actor(ActorKind.CITIZEN, "CCCD:1234", "Trần Văn Bảo", null), false),
                InvalidCommand.class);
    }

    @Test
    void askingWithABlankSubjectIsRefused() {
        AskDialogueCommand c = story.ask();
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        c.topic(),
                        "  ",
                        c.body(),
                        c.confidential(),
                        c.attachments(),
                        c.moderatorAgency(),
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
    }

    @Test
    void askingWithAnOverlongBodyIsRefused() {
        AskDialogueCommand c = story.ask();
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        c.topic(),
                        c.subject(),
                        "đ".repeat(20_001),
                        c.confidential(),
                        c.attachments(),
                        c.moderatorAgency(),
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
    }

    @Test
    void askingWithoutATenantOrTopicIsRefused() {
        AskDialogueCommand c = story.ask();
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        " ",
                        c.trackingCode(),
                        c.topic(),
                        c.subject(),
                        c.body(),
                        c.confidential(),
                        c.attachments(),
                        c.moderatorAgency(),
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        null,
                        c.subject(),
                        c.body(),
                        c.confidential(),
                        c.attachments(),
                        c.moderatorAgency(),
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
    }

    @Test
    void askingWithAMalformedAttachmentHashIsRefused() {
        AskDialogueCommand c = story.ask();
        Attachment bad = new Attachment("anh-hien-truong.jpg", "image/jpeg", 2048, "not-a-sha256");
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        c.topic(),
                        c.subject(),
                        c.body(),
                        c.confidential(),
                        List.of(bad),
                        c.moderatorAgency(),
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
    }

    @Test
    void askingWithAnEmptyAttachmentIsRefused() {
        AskDialogueCommand c = story.ask();
        Attachment empty = new Attachment("ghi-am.mp3", "audio/mpeg", 0, "a".repeat(64));
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        c.topic(),
                        c.subject(),
                        c.body(),
                        c.confidential(),
                        List.of(empty),
                        c.moderatorAgency(),
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
    }

    @Test
    void askingWithATriageDueDateNotAfterTheQuestionIsRefused() {
        AskDialogueCommand c = story.ask();
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        c.topic(),
                        c.subject(),
                        c.body(),
                        c.confidential(),
                        c.attachments(),
                        c.moderatorAgency(),
                        c.at(),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
    }

    @Test
    void askingWithoutASignedPayloadIsRefused() {
        AskDialogueCommand c = story.ask();
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        c.topic(),
                        c.subject(),
                        c.body(),
                        c.confidential(),
                        c.attachments(),
                        c.moderatorAgency(),
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        null),
                InvalidCommand.class);
    }

    @Test
    void askingWithASignatureThatIsNotBase64IsRefused() {
        AskDialogueCommand c = story.ask();
        SignedPayload garbled = new SignedPayload(
                c.signed().payload(), "chữ ký không hợp lệ", c.signed().chain());
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        c.topic(),
                        c.subject(),
                        c.body(),
                        c.confidential(),
                        c.attachments(),
                        c.moderatorAgency(),
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        garbled),
                InvalidCommand.class);
    }

    @Test
    void askingWithoutAModeratorAgencyIsRefused() {
        AskDialogueCommand c = story.ask();
        refused(
                new AskDialogueCommand(
                        c.dialogueId(),
                        c.tenant(),
                        c.trackingCode(),
                        c.topic(),
                        c.subject(),
                        c.body(),
                        c.confidential(),
                        c.attachments(),
                        "",
                        c.triageDueAt(),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
    }

    @Test
    void askingAgainOnAnExistingDialogueIsRefused() {
        story.happened(story.ask());
        story.advance(Duration.ofHours(1));
        fixture.given(story.history())
                .when(story.ask(BUSINESS, false))
                // The event store refuses a second stream start; the command gateway maps it to DialogueAlreadyExists.
                .expectException(EventStoreException.class);
    }
}
