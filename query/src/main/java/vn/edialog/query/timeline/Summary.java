package vn.edialog.query.timeline;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.AnswerKeptPrivate;
import vn.edialog.command.dialogue.api.AnswerPublished;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DeadlineExtensionRefused;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.PublicationWithdrawn;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.command.dialogue.api.SatisfactionRated;

/**
 * The short human summary of an event in Vietnamese and English. It names agencies by their names in the province's
 * configuration (by code when unknown) and dates in Vietnam's time zone, and never quotes the question or the answer:
 * the content stays in the signed payload.
 */
record Summary(String vi, String en) {

    /** The agencies of one province, named in both languages. */
    record Agencies(String tenant, AgencyNames names) {
        String vi(String agency) {
            return agency == null ? "-" : names.name(tenant, agency, false);
        }

        String en(String agency) {
            return agency == null ? "-" : names.name(tenant, agency, true);
        }
    }

    private static final DateTimeFormatter VI =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(WorkingDayCalendar.VIETNAM);
    private static final DateTimeFormatter EN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDayCalendar.VIETNAM);
    private static final int REASON_MAX = 200;

    static Summary of(DialogueAsked e) {
        return new Summary(
                "Gửi câu hỏi, mã hồ sơ " + e.trackingCode() + (e.confidential() ? " (mật)" : ""),
                "Question submitted, tracking code " + e.trackingCode() + (e.confidential() ? " (confidential)" : ""));
    }

    static Summary of(ClarificationRequested e, Agencies agencies) {
        return new Summary(
                agencies.vi(e.requestedBy()) + " yêu cầu bổ sung thông tin, hạn " + vi(e.dueAt()),
                agencies.en(e.requestedBy()) + " requested clarification, due " + en(e.dueAt()));
    }

    static Summary of(ClarificationProvided e) {
        return new Summary("Người hỏi đã bổ sung thông tin", "The asker provided the clarification");
    }

    static Summary of(DialogueForwarded e, Agencies agencies) {
        return new Summary(
                "Chuyển lần " + e.forwardNumber() + " đến " + agencies.vi(e.department()) + ", hạn " + vi(e.dueAt()),
                "Forward " + e.forwardNumber() + " to " + agencies.en(e.department()) + ", due " + en(e.dueAt()));
    }

    static Summary of(ForwardAcknowledged e, Agencies agencies) {
        return new Summary(
                agencies.vi(e.department()) + " đã xác nhận tiếp nhận lần chuyển " + e.forwardNumber(),
                agencies.en(e.department()) + " acknowledged receipt of forward " + e.forwardNumber());
    }

    static Summary of(ForwardReturned e, Agencies agencies) {
        return new Summary(
                agencies.vi(e.department()) + " trả lại do không thuộc thẩm quyền: " + shorten(e.reason()),
                agencies.en(e.department()) + " returned it as not competent: " + shorten(e.reason()));
    }

    static Summary of(DeadlineExtensionRequested e, Agencies agencies) {
        return new Summary(
                agencies.vi(e.department()) + " đề nghị gia hạn đến " + vi(e.requestedDueAt()),
                agencies.en(e.department()) + " asked for an extension to " + en(e.requestedDueAt()));
    }

    static Summary of(DeadlineExtended e, Agencies agencies) {
        return new Summary(
                "Gia hạn cho " + agencies.vi(e.department()) + " từ " + vi(e.previousDueAt()) + " đến "
                        + vi(e.newDueAt()),
                "Deadline of " + agencies.en(e.department()) + " extended from " + en(e.previousDueAt()) + " to "
                        + en(e.newDueAt()));
    }

    static Summary of(DeadlineExtensionRefused e, Agencies agencies) {
        return new Summary(
                "Không chấp thuận gia hạn cho " + agencies.vi(e.department()) + ": " + shorten(e.reason()),
                "Extension for " + agencies.en(e.department()) + " refused: " + shorten(e.reason()));
    }

    static Summary of(DialogueAnswered e, Agencies agencies) {
        return new Summary(
                agencies.vi(e.answeringAgency()) + " đã trả lời " + (e.onTime() ? "đúng hạn" : "trễ hạn"),
                agencies.en(e.answeringAgency()) + " answered " + (e.onTime() ? "on time" : "late"));
    }

    static Summary of(AnswerPublished e) {
        if (e.redacted()) {
            return new Summary(
                    "Câu trả lời được công khai trên cổng thông tin (bản đã biên tập, có chữ ký của UBND)",
                    "Answer published on the portal (redacted text, signed by the People's Committee)");
        }
        return new Summary("Câu trả lời được công khai trên cổng thông tin", "Answer published on the portal");
    }

    static Summary of(AnswerKeptPrivate e) {
        return new Summary(
                "Không công khai câu trả lời: " + shorten(e.reason()), "Answer kept private: " + shorten(e.reason()));
    }

    static Summary of(PublicationWithdrawn e) {
        return new Summary(
                "Rút câu trả lời khỏi cổng thông tin: " + shorten(e.reason()),
                "Answer withdrawn from the portal: " + shorten(e.reason()));
    }

    static Summary of(DialogueRejected e) {
        return new Summary(
                "Từ chối tiếp nhận (" + vi(e.code()) + "): " + shorten(e.reason()),
                "Rejected (" + en(e.code()) + "): " + shorten(e.reason()));
    }

    static Summary of(DialogueEscalated e, Agencies agencies) {
        boolean triage = e.step() == EscalationStep.TRIAGE;
        return new Summary(
                "Quá hạn " + (triage ? "phân loại" : "trả lời") + " của " + agencies.vi(e.responsibleAgency())
                        + ", chuyển cấp " + e.level() + ": " + e.escalatedTo(),
                "Overdue " + (triage ? "triage" : "answer") + " by " + agencies.en(e.responsibleAgency())
                        + ", escalated to level " + e.level() + ": " + e.escalatedTo());
    }

    static Summary of(SatisfactionRated e) {
        return new Summary(
                "Người hỏi đánh giá mức độ hài lòng " + e.rating() + "/5",
                "The asker rated the answer " + e.rating() + "/5");
    }

    static Summary of(DialogueReopened e) {
        return new Summary("Người hỏi mở lại đối thoại", "The asker reopened the dialogue");
    }

    static Summary of(DialogueClosed e) {
        return new Summary("Đã đóng (" + vi(e.reason()) + ")", "Closed (" + en(e.reason()) + ")");
    }

    private static String vi(Instant at) {
        return at == null ? "-" : VI.format(at);
    }

    private static String en(Instant at) {
        return at == null ? "-" : EN.format(at);
    }

    private static String vi(RejectionReason reason) {
        return switch (reason) {
            case OUT_OF_SCOPE -> "ngoài phạm vi";
            case DUPLICATE -> "trùng lặp";
            case ABUSIVE -> "nội dung không phù hợp";
        };
    }

    private static String en(RejectionReason reason) {
        return switch (reason) {
            case OUT_OF_SCOPE -> "out of scope";
            case DUPLICATE -> "duplicate";
            case ABUSIVE -> "abusive";
        };
    }

    private static String vi(CloseReason reason) {
        return switch (reason) {
            case ANSWERED -> "đã trả lời";
            case RATING_WINDOW_ELAPSED -> "hết thời hạn đánh giá";
            case CLARIFICATION_TIMEOUT -> "quá hạn bổ sung thông tin";
        };
    }

    private static String en(CloseReason reason) {
        return switch (reason) {
            case ANSWERED -> "answered";
            case RATING_WINDOW_ELAPSED -> "rating window elapsed";
            case CLARIFICATION_TIMEOUT -> "clarification not provided in time";
        };
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String single = text.strip().replaceAll("\\s+", " ");
        return single.codePointCount(0, single.length()) <= REASON_MAX
                ? single
                : single.substring(0, single.offsetByCodePoints(0, REASON_MAX - 1)) + "…";
    }
}
