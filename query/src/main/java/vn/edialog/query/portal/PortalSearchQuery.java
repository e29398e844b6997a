package vn.edialog.query.portal;

import java.time.Instant;
import vn.edialog.query.Page;

/**
 * A portal search in one tenant: words with or without diacritics ({@code text}, blank for all), optionally only one
 * answering agency, one topic and answers given in [{@code answeredFrom}, {@code answeredTo}); page {@code page}
 * (from 0) of {@code size} (at most {@value Page#MAX_SIZE}) results.
 */
public record PortalSearchQuery(
        String tenant,
        String text,
        String agency,
        String topic,
        Instant answeredFrom,
        Instant answeredTo,
        int page,
        int size) {

    public PortalSearchQuery {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is required");
        }
        Page.check(page, size);
        if (answeredFrom != null && answeredTo != null && !answeredFrom.isBefore(answeredTo)) {
            throw new IllegalArgumentException("answeredFrom must be before answeredTo");
        }
        text = text == null ? "" : text.strip();
        agency = blankToNull(agency);
        topic = blankToNull(topic);
    }

    /** The first page of 20 results for {@code text} in {@code tenant}, without other filters. */
    public static PortalSearchQuery text(String tenant, String text) {
        return new PortalSearchQuery(tenant, text, null, null, null, null, 0, 20);
    }

    public PortalSearchQuery withAgency(String agency) {
        return new PortalSearchQuery(tenant, text, agency, topic, answeredFrom, answeredTo, page, size);
    }

    public PortalSearchQuery withTopic(String topic) {
        return new PortalSearchQuery(tenant, text, agency, topic, answeredFrom, answeredTo, page, size);
    }

    public PortalSearchQuery answeredBetween(Instant from, Instant to) {
        return new PortalSearchQuery(tenant, text, agency, topic, from, to, page, size);
    }

    public PortalSearchQuery page(int page, int size) {
        return new PortalSearchQuery(tenant, text, agency, topic, answeredFrom, answeredTo, page, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
