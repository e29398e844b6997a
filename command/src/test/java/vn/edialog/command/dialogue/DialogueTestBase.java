package vn.edialog.command.dialogue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import vn.edialog.command.dialogue.api.DialogueRefusal;
import vn.edialog.command.dialogue.api.DialogueStory;

/** A fresh fixture and story per test, and the one way a refusal is asserted: that refusal, nothing stored. */
abstract class DialogueTestBase {

    FixtureConfiguration<Dialogue> fixture;
    DialogueStory story;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(Dialogue.class);
        story = new DialogueStory();
    }

    /** Given the story so far, the command produces exactly the story's expected event. */
    void accepted(Object command) {
        fixture.given(story.history())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(story.then(command));
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
