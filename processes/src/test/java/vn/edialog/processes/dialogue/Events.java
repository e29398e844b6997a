package vn.edialog.processes.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DeadlineExtensionRefused;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.command.dialogue.api.SatisfactionRated;

/**
 * The events the write side would record after the acts the tests perform; the bridge only reads their facts, so the
 * evidence is left out.
 */
final class Events {

    static final String TENANT = "demo";
    static final String TOPIC = "dang-ky-kinh-doanh";
    static final Actor ASKER = new Actor(ActorKind.BUSINESS, "MST:0101234567", "Công ty TNHH An Phát", null);
    static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "system", "eDialog", null);

    private Events() {}

    static Actor official(String agency) {
        return new Actor(ActorKind.OFFICIAL, "can-bo-" + agency, "Cán bộ " + agency, agency);
    }

    static DialogueAsked asked(UUID id, Instant at, Instant triageDueAt) {
        return asked(id, at, triageDueAt, false, null);
    }

    /** publicationConsent null: an ask that did not say, which means "agrees". */
    static DialogueAsked asked(
            UUID id, Instant at, Instant triageDueAt, boolean confidential, Boolean publicationConsent) {
        return new DialogueAsked(
                id,
                TENANT,
                "DEMO-2025-000123",
                TOPIC,
                "Thủ tục thành lập chi nhánh",
                "Xin hướng dẫn thủ tục thành lập chi nhánh tại tỉnh.",
                confidential,
                publicationConsent,
                List.of(),
                "ubnd",
                triageDueAt,
                ASKER,
                at,
                null);
    }

    static DialogueForwarded forwarded(UUID id, int number, String department, Instant dueAt, Instant at) {
        return new DialogueForwarded(id, number, department, "Đề nghị Sở trả lời", dueAt, official("ubnd"), at, null);
    }

    static ForwardAcknowledged acknowledged(UUID id, String department, Instant dueAt, Instant at) {
        return new ForwardAcknowledged(id, 1, department, dueAt, official(department), at, null);
    }

    static ForwardReturned returned(UUID id, String department, Instant at) {
        return new ForwardReturned(id, 1, department, "Không thuộc thẩm quyền", null, official(department), at, null);
    }

    static ClarificationRequested clarificationRequested(UUID id, String by, Instant dueAt, Instant at) {
        return new ClarificationRequested(id, "Xin bổ sung giấy tờ", dueAt, by, official(by), at, null);
    }

    static ClarificationProvided clarificationProvided(UUID id, DialogueStatus resumed, Instant at) {
        return new ClarificationProvided(id, "Đã bổ sung", resumed, ASKER, at, null);
    }

    static DeadlineExtensionRequested extensionRequested(
            UUID id, String department, Instant current, Instant requested, Instant at) {
        return new DeadlineExtensionRequested(
                id, 1, department, current, requested, "Cần lấy ý kiến liên ngành", official(department), at, null);
    }

    static DeadlineExtended extended(UUID id, String department, Instant previous, Instant newDueAt, Instant at) {
        return new DeadlineExtended(id, 1, department, previous, newDueAt, official("ubnd"), at, null);
    }

    static DeadlineExtensionRefused extensionRefused(UUID id, String department, Instant requested, Instant at) {
        return new DeadlineExtensionRefused(id, 1, department, requested, "Đủ thời gian", official("ubnd"), at, null);
    }

    static DialogueAnswered answered(UUID id, String agency, boolean viaForward, Instant dueAt, Instant at) {
        return answered(id, "Câu trả lời", agency, viaForward, dueAt, at);
    }

    static DialogueAnswered answered(
            UUID id, String answer, String agency, boolean viaForward, Instant dueAt, Instant at) {
        return new DialogueAnswered(
                id, answer, agency, viaForward, dueAt, !at.isAfter(dueAt), official(agency), at, null);
    }

    static DialogueRejected rejected(UUID id, Instant at) {
        return new DialogueRejected(
                id, RejectionReason.DUPLICATE, "Trùng hồ sơ đã trả lời", official("ubnd"), at, null);
    }

    static DialogueClosed closed(UUID id, CloseReason reason, Instant reopenableUntil, Instant at) {
        Actor actor = reason == CloseReason.ANSWERED ? official("ubnd") : SYSTEM;
        return new DialogueClosed(id, reason, reopenableUntil, actor, at, null);
    }

    static DialogueReopened reopened(UUID id, Instant triageDueAt, Instant at) {
        return new DialogueReopened(id, "Chưa rõ câu trả lời", triageDueAt, ASKER, at, null);
    }

    static SatisfactionRated rated(UUID id, String agency, Instant at) {
        return new SatisfactionRated(id, 5, "Rất hài lòng", agency, ASKER, at, null);
    }
}
