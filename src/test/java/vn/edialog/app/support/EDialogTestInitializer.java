package vn.edialog.app.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Gives each Spring test context a fresh PostgreSQL database and the test PKI. */
public class EDialogTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabases.Database database = TestDatabases.fresh();
        Map<String, String> properties = new LinkedHashMap<>(TestPkiFiles.serverProperties());
        properties.put("edialog.db.url", database.url());
        properties.put("edialog.db.user", database.user());
        properties.put("edialog.db.password", database.password() == null ? "" : database.password());
        properties.put("edialog.db.connection-timeout", "5s");
        properties.put("edialog.data-dir", "target/test-data");
        properties.put("edialog.mail.enabled", "true");
        properties.put("edialog.mail.poll-interval", "200ms");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestMail.port()));
        TestPropertyValues.of(properties).applyTo(context);
    }
}
