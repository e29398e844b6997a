package vn.edialog.command.dialogue.lifecycle;

/** What someone does to a dialogue; the lifecycle says in which stages. Its id names it in refusals. */
public enum Action {
    ASK("ask"),
    REQUEST_CLARIFICATION("request-clarification"),
    PROVIDE_CLARIFICATION("provide-clarification"),
    FORWARD("forward"),
    ACKNOWLEDGE_FORWARD("acknowledge-forward"),
    RETURN_FORWARD("return-forward"),
    REQUEST_EXTENSION("request-deadline-extension"),
    EXTEND_DEADLINE("extend-deadline"),
    REFUSE_EXTENSION("refuse-deadline-extension"),
    ANSWER("answer"),
    REJECT("reject"),
    ESCALATE_TRIAGE("escalate"),
    ESCALATE_ANSWER("escalate"),
    RATE("rate-satisfaction"),
    /** The moderator closes an answered dialogue, or the system when its rating window elapsed. */
    CLOSE("close"),
    /** The system closes a dialogue whose asker did not give the requested clarification in time. */
    CLOSE_FOR_CLARIFICATION_TIMEOUT("close"),
    REOPEN("reopen"),
    /** A finished confidential dialogue's content is erased (its keys destroyed); it stays finished for good. */
    ERASE_PERSONAL_DATA("erase-personal-data"),
    /** Publish, publish redacted or keep private the latest answer: the moderator's decision. */
    DECIDE_PUBLICATION("publish-answer"),
    WITHDRAW_PUBLICATION("withdraw-publication");

    private final String id;

    Action(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
