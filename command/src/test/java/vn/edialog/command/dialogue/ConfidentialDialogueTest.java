package vn.edialog.command.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.CITIZEN;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.SYSTEM;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.AnswerDialogueCommand;
import vn.edialog.command.dialogue.api.AskDialogueCommand;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueStory;
import vn.edialog.command.dialogue.api.ErasePersonalDataCommand;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.ProvideClarificationCommand;
import vn.edialog.command.dialogue.api.SignedPayload;

/**
 * A confidential dialogue's messages are sealed: the event keeps the signature and the payload's digest, never the
 * payload or its free text (stored encrypted outside the event store); a public dialogue's are never sealed.
 */
class ConfidentialDialogueTest extends DialogueTestBase {

    @Test
    void aConfidentialAskIsRecordedWithoutItsContent() {
        AskDialogueCommand ask = story.ask(CITIZEN, true);
        DialogueAsked asked = (DialogueAsked) story.then(ask);
        assertThat(asked.subject()).isNull();
        assertThat(asked.body()).isNull();
        assertThat(asked.evidence().signed().payload()).isNull();
        assertThat(asked.evidence().signed().payloadSha256()).matches("[0-9a-f]{64}");
        // The chain covers the digest exactly as it covers a payload with that digest.
        assertThat(asked.evidence().hash())
                .isEqualTo(EvidenceChain.hash(
                        EvidenceChain.GENESIS, asked.evidence().signed()));
        fixture.givenNoPriorActivity().when(ask).expectEvents(asked);
    }

    @Test
    void aConfidentialAskMustBeSealedAndWithoutItsText() {
        AskDialogueCommand sealed = story.ask(CITIZEN, true);
        AskDialogueCommand open = new DialogueStory().ask(CITIZEN, false);
        refused(withSigned(sealed, open.signed(), sealed.subject(), sealed.body()), InvalidCommand.class);
        refused(withSigned(sealed, sealed.signed(), "Tiêu đề mật", null), InvalidCommand.class);
        refused(withSigned(sealed, sealed.signed(), null, "Nội dung mật"), InvalidCommand.class);
        // And a public ask is never sealed.
        refused(withSigned(open, sealed.signed(), open.subject(), open.body()), InvalidCommand.class);
    }

    @Test
    void everyLaterMessageOfAConfidentialDialogueIsSealedToo() {
        story.happened(story.ask(BUSINESS, true), story.forward());
        AnswerDialogueCommand answer = story.answer(DEPARTMENT);
        assertThat(answer.signed().sealed()).isTrue();
        accepted(answer);

        DialogueStory other = new DialogueStory();
        AnswerDialogueCommand open = other.answer(MODERATOR);
        refused(
                new AnswerDialogueCommand(story.id(), open.answer(), MODERATOR, answer.at(), answer.signed()),
                InvalidCommand.class);
        refused(
                new AnswerDialogueCommand(story.id(), null, DEPARTMENT, answer.at(), open.signed()),
                InvalidCommand.class);
    }

    @Test
    void aPublicDialoguesMessagesAreNeverSealed() {
        story.happened(story.ask(), story.requestClarification(MODERATOR));
        ProvideClarificationCommand c = story.provideClarification(BUSINESS);
        SignedPayload sealed = c.signed().seal("0".repeat(64));
        refused(
                new ProvideClarificationCommand(c.dialogueId(), c.text(), c.actor(), c.at(), sealed),
                InvalidCommand.class);
    }

    @Test
    void aSealedDigestMustBeSha256Hex() {
        AskDialogueCommand c = story.ask(CITIZEN, true);
        refused(withSigned(c, c.signed().seal("not-a-digest"), null, null), InvalidCommand.class);
    }

    @Test
    void aClosedConfidentialDialoguesContentIsErasedOnceAndItIsThenFinal() {
        story.happened(
                story.ask(CITIZEN, true),
                story.answer(MODERATOR),
                story.close(SYSTEM, CloseReason.RATING_WINDOW_ELAPSED));
        ErasePersonalDataCommand erase = story.erase(SYSTEM);
        assertThat(erase.signed().sealed()).isFalse();
        accepted(erase);
        story.happened(erase);
        refused(story.erase(MODERATOR), ActionNotAllowed.class, "not-allowed-in-state");
        refused(story.reopen(CITIZEN), ActionNotAllowed.class);
    }

    @Test
    void erasureIsForTheModeratorOrTheSystemOnAFinishedConfidentialDialogue() {
        story.happened(story.ask(CITIZEN, true), story.forward());
        refused(story.erase(SYSTEM), ActionNotAllowed.class, "not-allowed-in-state");
        refused(story.erase(DEPARTMENT), ActorNotAuthorized.class);
        refused(story.erase(CITIZEN), ActorNotAuthorized.class);

        DialogueStory open = new DialogueStory();
        fixture.given(open.happened(open.ask(), open.reject(MODERATOR)).history())
                .when(open.erase(MODERATOR))
                .expectException(ActionNotAllowed.class);
    }

    @Test
    void theErasuresRecordIsNeverSealed() {
        story.happened(story.ask(CITIZEN, true), story.reject(MODERATOR));
        ErasePersonalDataCommand erase = story.erase(MODERATOR);
        refused(
                new ErasePersonalDataCommand(
                        erase.dialogueId(),
                        erase.reason(),
                        erase.actor(),
                        erase.at(),
                        erase.signed().seal("0".repeat(64))),
                InvalidCommand.class);
        accepted(erase);
    }

    @Test
    void aConfidentialDialogueAskedBeforeItsContentWasSealedGoesOnUnsealed() {
        DialogueStory old = new DialogueStory();
        DialogueAsked open = (DialogueAsked) old.then(old.ask(CITIZEN, false));
        DialogueAsked asked = new DialogueAsked(
                open.dialogueId(),
                open.tenant(),
                open.trackingCode(),
                open.topic(),
                open.subject(),
                open.body(),
                true,
                open.publicationConsent(),
                open.attachments(),
                open.moderatorAgency(),
                open.triageDueAt(),
                open.actor(),
                open.at(),
                open.evidence());
        fixture.given(asked).when(old.answer(MODERATOR)).expectSuccessfulHandlerExecution();
    }

    private static AskDialogueCommand withSigned(
            AskDialogueCommand c, SignedPayload signed, String subject, String body) {
        return new AskDialogueCommand(
                c.dialogueId(),
                c.tenant(),
                c.trackingCode(),
                c.topic(),
                subject,
                body,
                c.confidential(),
                c.publicationConsent(),
                List.of(),
                c.moderatorAgency(),
                c.triageDueAt(),
                c.actor(),
                c.at(),
                signed);
    }
}
