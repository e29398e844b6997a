package vn.edialog.app.submission;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.command.calendar.WorkingDayCalendar;

/**
 * Human tracking codes {@code <TENANT>-<YEAR>-<000001>-<K7QX2M>}: a gap-free sequence per tenant and (Vietnamese)
 * year, allocated in the asking transaction so a refused ask leaves no hole, then six random characters. The sequence
 * makes the code easy to read out and to file; the random part makes it unguessable, so that the anonymous status
 * lookup cannot be walked through every dialogue of a province (about a billion codes to try for each number).
 */
@Component
class TrackingCodes {

    /** Crockford's base 32: digits and capitals without I, L, O and U, which are easily misread. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    static final int RANDOM_LENGTH = 6;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    TrackingCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String allocate(String tenant, UUID dialogueId, Instant at) {
        int year = at.atZone(WorkingDayCalendar.VIETNAM).getYear();
        long next = jdbc.sql(
                        """
                        insert into tracking_sequence (tenant, year, last) values (:tenant, :year, 1)
                        on conflict (tenant, year) do update set last = tracking_sequence.last + 1
                        returning last
                        """)
                .param("tenant", tenant)
                .param("year", year)
                .query(Long.class)
                .single();
        String code = "%s-%d-%06d-%s".formatted(tenant.toUpperCase(Locale.ROOT), year, next, randomPart());
        jdbc.sql("insert into tracking_code (code, tenant, dialogue_id) values (:code, :tenant, :dialogue)")
                .param("code", code)
                .param("tenant", tenant)
                .param("dialogue", dialogueId)
                .update();
        return code;
    }

    private String randomPart() {
        StringBuilder part = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            part.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return part.toString();
    }

    /** The tenant a dialogue belongs to, if it exists. */
    Optional<String> tenantOf(UUID dialogueId) {
        return jdbc.sql("select tenant from tracking_code where dialogue_id = :dialogue")
                .param("dialogue", dialogueId)
                .query(String.class)
                .optional();
    }

    Optional<String> codeOf(UUID dialogueId) {
        return jdbc.sql("select code from tracking_code where dialogue_id = :dialogue")
                .param("dialogue", dialogueId)
                .query(String.class)
                .optional();
    }
}
