package vn.edialog.command.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.CITIZEN;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.OTHER_BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.OTHER_DEPARTMENT;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.AnswerDialogueCommand;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.RateSatisfactionCommand;

/** Answering (by the moderator or the department holding the forward), publishing, and the asker's rating. */
class AnsweringAndRatingTest extends DialogueTestBase {

    @Test
    void theModeratorAnswersDirectlyInTriageOnTime() {
        story.happened(story.ask());
        AnswerDialogueCommand answer = story.answer(MODERATOR);
        DialogueAnswered expected = (DialogueAnswered) story.then(answer);
        assertThat(expected.viaForward()).isFalse();
        assertThat(expected.answeringAgency()).isEqualTo("ubnd");
        assertThat(expected.dueAt()).isEqualTo(story.triageDueAt());
        assertThat(expected.onTime()).isTrue();
        fixture.given(story.history()).when(answer).expectEvents(expected);
    }

    @Test
    void theDepartmentAnswersItsForwardOnTime() {
        story.happened(story.ask(), story.forward(), story.acknowledge(DEPARTMENT));
        AnswerDialogueCommand answer = story.answer(DEPARTMENT);
        DialogueAnswered expected = (DialogueAnswered) story.then(answer);
        assertThat(expected.viaForward()).isTrue();
        assertThat(expected.answeringAgency()).isEqualTo("skhdt");
        assertThat(expected.dueAt()).isEqualTo(story.forwardDueAt());
        assertThat(expected.onTime()).isTrue();
        fixture.given(story.history()).when(answer).expectEvents(expected);
    }

    @Test
    void aLateAnswerIsRecordedAsLate() {
        story.happened(story.ask(), story.forward());
        story.advance(Duration.ofDays(11));
        AnswerDialogueCommand answer = story.answer(DEPARTMENT);
        DialogueAnswered late = new DialogueAnswered(
                story.id(),
                answer.answer(),
                "skhdt",
                true,
                story.forwardDueAt(),
                false,
                DEPARTMENT,
                answer.at(),
                EvidenceChain.link(story.lastHash(), answer.signed()));
        fixture.given(story.history()).when(answer).expectEvents(late);
    }

    @Test
    void anAnswerExactlyAtTheDueDateIsOnTime() {
        story.happened(story.ask(), story.forward());
        story.advance(Duration.between(story.now(), story.forwardDueAt()).minusHours(1));
        AnswerDialogueCommand answer = story.answer(DEPARTMENT);
        assertThat(answer.at()).isEqualTo(story.forwardDueAt());
        DialogueAnswered expected = (DialogueAnswered) story.then(answer);
        assertThat(expected.onTime()).isTrue();
        fixture.given(story.history()).when(answer).expectEvents(expected);
    }

    @Test
    void theModeratorCannotAnswerWhileADepartmentHoldsTheForward() {
        story.happened(story.ask(), story.forward());
        refused(story.answer(MODERATOR), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void anotherDepartmentCannotAnswer() {
        story.happened(story.ask(), story.forward());
        refused(story.answer(OTHER_DEPARTMENT), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void aDepartmentCannotAnswerInTriage() {
        story.happened(story.ask());
        refused(story.answer(DEPARTMENT), ActorNotAuthorized.class);
    }

    @Test
    void answeringWhileAwaitingTheAskersClarificationIsRefused() {
        story.happened(story.ask(), story.requestClarification(MODERATOR));
        refused(story.answer(MODERATOR), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void answeringTwiceIsRefused() {
        story.happened(story.ask(), story.answer(MODERATOR));
        refused(story.answer(MODERATOR), ActionNotAllowed.class);
    }

    @Test
    void aBlankAnswerIsRefused() {
        story.happened(story.ask());
        AnswerDialogueCommand c = story.answer(MODERATOR);
        refused(new AnswerDialogueCommand(c.dialogueId(), " ", c.actor(), c.at(), c.signed()), InvalidCommand.class);
    }

    @Test
    void theModeratorPublishesTheAnswerWithWhatThePortalShows() {
        story.happened(story.ask(), story.forward(), story.answer(DEPARTMENT));
        accepted(story.publish(MODERATOR));
    }

    @Test
    void aConfidentialAnswerIsNeverPublished() {
        story.happened(story.ask(BUSINESS, true), story.answer(MODERATOR));
        refused(story.publish(MODERATOR), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void publishingTwiceIsRefused() {
        story.happened(story.ask(), story.answer(MODERATOR), story.publish(MODERATOR));
        refused(story.publish(MODERATOR), ActionNotAllowed.class);
    }

    @Test
    void publishingBeforeAnAnswerIsRefused() {
        story.happened(story.ask());
        refused(story.publish(MODERATOR), ActionNotAllowed.class);
    }

    @Test
    void aDepartmentCannotPublish() {
        story.happened(story.ask(), story.forward(), story.answer(DEPARTMENT));
        refused(story.publish(DEPARTMENT), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void theAskerRatesTheAnswer() {
        story.happened(story.ask(), story.forward(), story.answer(DEPARTMENT));
        accepted(story.rate(BUSINESS, 5));
    }

    @Test
    void aCitizenAskerRatesWithoutAComment() {
        story.happened(story.ask(CITIZEN, false), story.answer(MODERATOR));
        RateSatisfactionCommand c = story.rate(CITIZEN, 3);
        accepted(new RateSatisfactionCommand(c.dialogueId(), 3, null, c.actor(), c.at(), c.signed()));
    }

    @Test
    void ratingsOutsideOneToFiveAreRefused() {
        story.happened(story.ask(), story.answer(MODERATOR));
        refused(story.rate(BUSINESS, 0), InvalidCommand.class, "bad-payload");
        refused(story.rate(BUSINESS, 6), InvalidCommand.class, "bad-payload");
    }

    @Test
    void ratingTheSameAnswerTwiceIsRefused() {
        story.happened(story.ask(), story.answer(MODERATOR), story.rate(BUSINESS, 4));
        refused(story.rate(BUSINESS, 5), ActionNotAllowed.class);
    }

    @Test
    void ratingBeforeAnAnswerIsRefused() {
        story.happened(story.ask());
        refused(story.rate(BUSINESS, 4), ActionNotAllowed.class);
    }

    @Test
    void anotherBusinessCannotRate() {
        story.happened(story.ask(), story.answer(MODERATOR));
        refused(story.rate(OTHER_BUSINESS, 1), ActorNotAuthorized.class, "identity-mismatch");
    }

    @Test
    void aCitizenCannotRateWhatABusinessAsked() {
        story.happened(story.ask(), story.answer(MODERATOR));
        refused(story.rate(CITIZEN, 1), ActorNotAuthorized.class, "identity-mismatch");
    }

    @Test
    void anOfficialCannotRateForTheAsker() {
        story.happened(story.ask(), story.answer(MODERATOR));
        refused(story.rate(MODERATOR, 5), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void aReopenedAndAnsweredAgainDialogueMayBeRatedAgain() {
        story.happened(story.ask(), story.answer(MODERATOR), story.rate(BUSINESS, 2));
        story.happened(story.close(MODERATOR, CloseReason.ANSWERED), story.reopen(BUSINESS));
        story.happened(story.answer(MODERATOR));
        accepted(story.rate(BUSINESS, 4));
    }
}
