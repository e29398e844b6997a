package vn.edialog.command.dialogue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.SYSTEM;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** Every event and command survives a JSON round trip unchanged, and every event carries revision 1. */
class EventSerializationTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void everyEventRoundTripsThroughJson() throws Exception {
        List<Object> events = allEventsAndCommands(false);
        assertThat(events.stream().map(Object::getClass).collect(Collectors.toSet()))
                .hasSize(18);
        for (Object event : events) {
            String json = mapper.writeValueAsString(event);
            assertThat(mapper.readValue(json, event.getClass())).as(json).isEqualTo(event);
        }
    }

    @Test
    void everyCommandRoundTripsThroughJson() throws Exception {
        for (Object command : allEventsAndCommands(true)) {
            String json = mapper.writeValueAsString(command);
            assertThat(mapper.readValue(json, command.getClass())).as(json).isEqualTo(command);
        }
    }

    @Test
    void everyEventIsAtItsCurrentRevision() {
        Set<Class<?>> types =
                allEventsAndCommands(false).stream().map(Object::getClass).collect(Collectors.toSet());
        for (Class<?> type : types) {
            assertThat(type.getAnnotation(Revision.class))
                    .as(type.getSimpleName())
                    .isNotNull();
            String expected =
                    type == DialogueAsked.class || type == AnswerPublished.class || type == ForwardReturned.class
                            ? "2"
                            : "1";
            assertThat(type.getAnnotation(Revision.class).value())
                    .as(type.getSimpleName())
                    .isEqualTo(expected);
        }
    }

    /** One of every command (and so every event), through two stories that together visit every transition. */
    private static List<Object> allEventsAndCommands(boolean commands) {
        List<Object> out = new ArrayList<>();
        DialogueStory a = new DialogueStory();
        record(out, commands, a, a.ask());
        record(out, commands, a, a.requestClarification(MODERATOR));
        record(out, commands, a, a.provideClarification(BUSINESS));
        record(out, commands, a, a.escalate("TRIAGE", 1));
        record(out, commands, a, a.forward());
        record(out, commands, a, a.acknowledge(DEPARTMENT));
        record(out, commands, a, a.requestExtension(DEPARTMENT));
        record(out, commands, a, a.refuseExtension(MODERATOR));
        record(out, commands, a, a.requestExtension(DEPARTMENT));
        record(out, commands, a, a.extend(MODERATOR, a.forwardDueAt().plus(Duration.ofDays(3))));
        record(out, commands, a, a.returnForward(DEPARTMENT));
        record(out, commands, a, a.forward());
        record(out, commands, a, a.answer(DEPARTMENT));
        record(out, commands, a, a.publish(MODERATOR));
        record(out, commands, a, a.rate(BUSINESS, 5));
        record(out, commands, a, a.close(SYSTEM, CloseReason.RATING_WINDOW_ELAPSED));
        record(out, commands, a, a.reopen(BUSINESS));
        record(out, commands, a, a.answer(MODERATOR));
        record(out, commands, a, a.publishRedacted(MODERATOR));
        record(out, commands, a, a.withdraw(MODERATOR));
        DialogueStory b = new DialogueStory(java.util.UUID.fromString("0b7e6c52-3f1a-4d2e-8c9b-6a5f4e3d2c1b"));
        record(out, commands, b, b.ask());
        record(out, commands, b, b.reject(MODERATOR));
        DialogueStory c = new DialogueStory(java.util.UUID.fromString("7d1f0e2a-5b4c-4a3e-9f8d-1c2b3a4d5e6f"));
        record(out, commands, c, c.ask(BUSINESS, false, true));
        record(out, commands, c, c.answer(MODERATOR));
        record(out, commands, c, c.keepPrivate(MODERATOR));
        return out;
    }

    private static void record(List<Object> out, boolean commands, DialogueStory story, Object command) {
        Object event = story.then(command);
        out.add(commands ? command : event);
    }
}
