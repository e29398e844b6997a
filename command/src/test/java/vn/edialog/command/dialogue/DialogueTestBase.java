package vn.edialog.command.dialogue;

import java.util.List;
import java.util.function.Function;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import vn.edialog.command.dialogue.api.DialogueEvent;
import vn.edialog.command.dialogue.api.DialogueRefusal;
import vn.edialog.command.dialogue.api.DialogueStory;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.Recorded;
import vn.edialog.command.dialogue.api.SignedPayload;

/** A fresh fixture and story per test, and the one way a refusal is asserted: that refusal, nothing stored. */
abstract class DialogueTestBase {

    FixtureConfiguration<Dialogue> fixture;
    DialogueStory story;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(Dialogue.class);
        story = new DialogueStory();
    }

    /**
     * Given the story so far, the command produces exactly the story's expected event, and answers where it was
     * recorded: the next sequence number of the dialogue and that event's chain hash.
     */
    void accepted(Object command) {
        accepted(command, evidence -> (DialogueEvent) story.then(command));
    }

    /**
     * Given the story so far, the command produces exactly the event the test writes out, evidence aside: {@code
     * written} receives the link the command's signed payload makes to the chain, and the test states every other
     * field, so the rule under test reads in the test rather than in the story's own model of the state.
     */
    void accepted(Object command, Function<Evidence, DialogueEvent> written) {
        List<Object> history = story.history();
        DialogueEvent expected = written.apply(EvidenceChain.link(story.lastHash(), signed(command)));
        fixture.given(history)
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(expected)
                .expectResultMessagePayload(
                        new Recorded(history.size(), expected.evidence().hash()));
    }

    private static SignedPayload signed(Object command) {
        try {
            return (SignedPayload) command.getClass().getMethod("signed").invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(command + " carries no signed payload", e);
        }
    }

    /** Given the story so far, the command is refused with that type and stores nothing. */
    void refused(Object command, Class<? extends DialogueRefusal> refusal) {
        fixture.given(story.history()).when(command).expectException(refusal).expectNoEvents();
    }

    /** Like {@link #refused(Object, Class)}, also checking the refusal's stable code. */
    void refused(Object command, Class<? extends DialogueRefusal> refusal, String code) {
        fixture.given(story.history())
                .when(command)
                .expectException(new CustomTypeSafeMatcher<DialogueRefusal>(refusal.getSimpleName() + " " + code) {
                    @Override
                    protected boolean matchesSafely(DialogueRefusal item) {
                        return refusal.isInstance(item) && code.equals(item.code());
                    }
                })
                .expectNoEvents();
    }
}
