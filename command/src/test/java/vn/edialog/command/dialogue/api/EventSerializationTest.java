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
                .hasSize(16);
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
    void everyEventIsAtRevisionOne() {
        Set<Class<?>> types =
                allEventsAndCommands(false).stream().map(Object::getClass).collect(Collectors.toSet());
        for (Class<?> type : types) {
            assertThat(type.getAnnotation(Revision.class))
                    .as(type.getSimpleName())
                    .isNotNull();
            assertThat(type.getAnnotation(Revision.class).value()).isEqualTo("1");
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
        DialogueStory b = new DialogueStory(java.util.UUID.fromString("0b7e6c52-3f1a-4d2e-8c9b-6a5f4e3d2c1b"));
        record(out, commands, b, b.ask());
        record(out, commands, b, b.reject(MODERATOR));
        return out;
    }

    private static void record(List<Object> out, boolean commands, DialogueStory story, Object command) {
        Object event = story.then(command);
        out.add(commands ? command : event);
    }
}
