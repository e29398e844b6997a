package vn.edialog.app.portal;

import java.time.Instant;
import java.util.List;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.portal.PublishedDialogue;

/** Renders published answers as an Atom 1.0 feed (RFC 4287). */
final class AtomFeed {

    private AtomFeed() {}

    static String render(Tenant tenant, String base, List<PublishedDialogue> dialogues) {
        Instant updated = dialogues.stream()
                .map(PublishedDialogue::publishedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n")
                .append("  <title>")
                .append(escape("Hỏi đáp đã trả lời — " + tenant.nameVi()))
                .append("</title>\n")
                .append("  <id>urn:edialog:feed:")
                .append(escape(tenant.code()))
                .append("</id>\n")
                .append("  <updated>")
                .append(updated)
                .append("</updated>\n")
                .append("  <link rel=\"self\" href=\"")
                .append(escape(base + "/api/v1/portal/" + tenant.code() + "/feed.atom"))
                .append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(escape(base + "/portal/" + tenant.code()))
                .append("\"/>\n")
                .append("  <author><name>")
                .append(escape(tenant.nameVi()))
                .append("</name></author>\n");
        for (PublishedDialogue dialogue : dialogues) {
            xml.append("  <entry>\n")
                    .append("    <id>urn:uuid:")
                    .append(dialogue.dialogueId())
                    .append("</id>\n")
                    .append("    <title>")
                    .append(escape(dialogue.subject()))
                    .append("</title>\n")
                    .append("    <updated>")
                    .append(dialogue.publishedAt())
                    .append("</updated>\n")
                    .append("    <published>")
                    .append(dialogue.answeredAt())
                    .append("</published>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(escape(base + "/portal/" + tenant.code() + "/dialogues/" + dialogue.dialogueId()))
                    .append("\"/>\n")
                    .append("    <link rel=\"alternate\" type=\"application/json\" href=\"")
                    .append(escape(base + "/api/v1/portal/" + tenant.code() + "/dialogues/" + dialogue.dialogueId()))
                    .append("\"/>\n")
                    .append("    <category term=\"")
                    .append(escape(dialogue.topic()))
                    .append("\"/>\n")
                    .append("    <summary type=\"text\">")
                    .append(escape(dialogue.answer()))
                    .append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters; drop them rather than emit an invalid feed.
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
