package vn.edialog.app.intake;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.command.calendar.WorkingDayCalendar;

/**
 * Human tracking codes {@code <TENANT>-<YEAR>-<000001>}: a gap-free sequence per tenant and (Vietnamese) year,
 * allocated in the asking transaction so a refused ask leaves no hole.
 */
@Component
class TrackingCodes {

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
        String code = "%s-%d-%06d".formatted(tenant.toUpperCase(Locale.ROOT), year, next);
        jdbc.sql("insert into tracking_code (code, tenant, dialogue_id) values (:code, :tenant, :dialogue)")
                .param("code", code)
                .param("tenant", tenant)
                .param("dialogue", dialogueId)
                .update();
        return code;
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
