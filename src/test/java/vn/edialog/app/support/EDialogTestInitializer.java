package vn.edialog.app.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Gives each Spring test context a fresh PostgreSQL database and the test PKI. */
public class EDialogTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The Camunda administrator's password in the tests. */
    public static final String ADMIN_PASSWORD = "test-admin-" + java.util.UUID.randomUUID();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabases.Database database = TestDatabases.fresh();
        Map<String, String> properties = new LinkedHashMap<>(TestPkiFiles.serverProperties());
        properties.put("edialog.db.url", database.url());
        properties.put("edialog.db.user", database.user());
        properties.put("edialog.db.password", database.password() == null ? "" : database.password());
        properties.put("edialog.db.connection-timeout", "5s");
        properties.put("edialog.data-dir", "target/test-data");
        // Production refuses to start without it (AdminPassword); the tests run with an external database.
        properties.put("edialog.admin-password", ADMIN_PASSWORD);
        // The static signing harness (src/test/resources/static/test) has an inline import map, without a CSP nonce.
        properties.put("edialog.csp.exempt-paths", "/test/");
        // The suite sends thousands of requests from localhost: high limits through the environment variables that
        // application.yml reads, so that a test of the limits (RateLimitIT) still sets edialog.rate-limits.* itself.
        for (String limit : new String[] {
            "TRACKING_PER_MINUTE",
            "SIGN_IN_CHALLENGES_PER_MINUTE",
            "SIGNED_COMMANDS_PER_MINUTE",
            "SIGNED_COMMANDS_PER_CERTIFICATE_PER_MINUTE",
            "STAFF_PASSWORD_ATTEMPTS_PER_MINUTE"
        }) {
            properties.put("EDIALOG_RATE_LIMITS_" + limit, "1000000");
        }
        properties.put("edialog.mail.enabled", "true");
        properties.put("edialog.mail.poll-interval", "200ms");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestMail.port()));
        TestPropertyValues.of(properties).applyTo(context);
    }
}
