package vn.edialog.app.tracking;

import java.util.List;
import java.util.UUID;

/** The signed events of one dialogue, in order. */
public record DialogueTimeline(UUID dialogueId, List<TimelineItem> events) {

    public DialogueTimeline {
        events = List.copyOf(events);
    }
}
