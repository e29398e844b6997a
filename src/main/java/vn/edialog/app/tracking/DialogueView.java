package vn.edialog.app.tracking;

import java.util.List;
import vn.edialog.query.summary.DialogueSummary;

/** One dialogue for a reader entitled to it: where it stands, and every signed event in order. */
public record DialogueView(DialogueSummary summary, List<TimelineItem> timeline) {

    public DialogueView {
        timeline = List.copyOf(timeline);
    }
}
