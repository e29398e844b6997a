package vn.edialog.app.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.portal.PortalSearchQuery;

/**
 * The portal's search parameters, read once for the page and the API alike: the words (at most {@value #QUERY_MAX}
 * characters), an agency and a topic of the province, and a period of whole Vietnamese days from {@code from} to
 * {@code to}, both included. A parameter that cannot be used is a {@link Problem}; the page says it in the reader's
 * language, the API answers {@code 400 bad-parameter}.
 */
record PortalSearch(String q, String agency, String topic, LocalDate from, LocalDate to, List<Problem> problems) {

    static final int QUERY_MAX = 200;

    /** A parameter to correct: its message key ({@code portal.error.*}) and the message's arguments. */
    record Problem(String key, String parameter, Object... arguments) {}

    PortalSearch {
        problems = List.copyOf(problems);
    }

    /** Reads the parameters as given (blank means absent); never throws. */
    static PortalSearch read(Tenant tenant, String q, String agency, String topic, String from, String to) {
        List<Problem> problems = new ArrayList<>();
        String words = strip(q);
        String agencyCode = strip(agency);
        String topicCode = strip(topic);
        if (words != null && words.codePointCount(0, words.length()) > QUERY_MAX) {
            problems.add(new Problem("portal.error.query", "q", QUERY_MAX));
        }
        if (agencyCode != null && tenant.agency(agencyCode).isEmpty()) {
            problems.add(new Problem("portal.error.agency", "agency"));
        }
        if (topicCode != null && tenant.topic(topicCode).isEmpty()) {
            problems.add(new Problem("portal.error.topic", "topic"));
        }
        LocalDate fromDate = date(strip(from), "from", problems);
        LocalDate toDate = date(strip(to), "to", problems);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add(new Problem("portal.error.period", "from"));
        }
        return new PortalSearch(words, agencyCode, topicCode, fromDate, toDate, problems);
    }

    boolean searched() {
        return q != null || agency != null || topic != null || from != null || to != null;
    }

    /** The query for one page of results; the {@code to} day is included (answers before the next day starts). */
    PortalSearchQuery query(String tenant, int page, int size) {
        return new PortalSearchQuery(
                tenant, q, agency, topic, startOfDay(from), to == null ? null : startOfDay(to.plusDays(1)), page, size);
    }

    private static LocalDate date(String value, String parameter, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("portal.error.date", parameter, value));
            return null;
        }
    }

    private static Instant startOfDay(LocalDate date) {
        return date == null
                ? null
                : date.atStartOfDay(WorkingDayCalendar.VIETNAM).toInstant();
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
