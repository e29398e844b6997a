package vn.edialog.app.reads;

import java.util.List;
import vn.edialog.query.summary.DialogueSummary;

/** One dialogue for a reader entitled to it: where it stands, and every signed event in order. */
record DialogueView(DialogueSummary summary, List<TimelineItem> timeline) {

    DialogueView {
        timeline = List.copyOf(timeline);
    }
}
