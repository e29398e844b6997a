package vn.edialog.app.reads;

import java.util.List;
import java.util.UUID;

/** The signed events of one dialogue, in order. */
record DialogueTimeline(UUID dialogueId, List<TimelineItem> events) {

    DialogueTimeline {
        events = List.copyOf(events);
    }
}
