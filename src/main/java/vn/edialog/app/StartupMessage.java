package vn.edialog.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.edialog.app.official.DemoOfficials;
import vn.edialog.app.operations.database.EmbeddedDatabase;
import vn.edialog.app.pki.DemoPki;

/** Says where to go once the server is up, and on the embedded default where the demo keys are. */
@Component
class StartupMessage {

    private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

    private final ObjectProvider<DemoPki> demo;
    private final ObjectProvider<EmbeddedDatabase> database;
    private final ObjectProvider<DemoOfficials> officials;
    private final String officialsPassword;
    private final org.springframework.core.env.Environment environment;

    StartupMessage(
            org.springframework.core.env.Environment environment,
            ObjectProvider<DemoPki> demo,
            ObjectProvider<EmbeddedDatabase> database,
            ObjectProvider<DemoOfficials> officials,
            @Value("${edialog.officials.demo-password:demo}") String officialsPassword) {
        this.demo = demo;
        this.database = database;
        this.officials = officials;
        this.officialsPassword = officialsPassword;
        this.environment = environment;
    }

    @EventListener
    @Order(10)
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        StringBuilder text = new StringBuilder("\n\neDialog is ready\n")
                .append("  Portal          ")
                .append(base)
                .append("/portal\n")
                .append("  Sign in         ")
                .append(base)
                .append("/sign-in  (businesses and citizens: PKCS#12 file; officials: Tasklist account)\n")
                .append("  API (OpenAPI)   ")
                .append(base)
                .append("/api/docs\n")
                .append("  Tasklist        ")
                .append(base)
                .append("/camunda/app/tasklist/\n");
        database.ifAvailable(db -> text.append("  Database        embedded PostgreSQL on port ")
                .append(db.port())
                .append(", data in ")
                .append(db.dataDirectory().toAbsolutePath())
                .append('\n'));
        java.nio.file.Path adminFile = AdminPassword.generatedFile(environment);
        if (adminFile != null) {
            text.append("  Camunda administrator 'admin', generated password: ")
                    .append(environment.getProperty(AdminPassword.PROPERTY))
                    .append("  (kept in ")
                    .append(adminFile.toAbsolutePath())
                    .append(")\n");
        }
        demo.ifAvailable(pki -> {
            text.append("  Demo PKI        ")
                    .append(pki.directory().toAbsolutePath())
                    .append(pki.created() ? " (created now)" : "")
                    .append("\n  PKCS#12 password for every demo key: ")
                    .append(pki.password())
                    .append('\n');
            pki.askerKeyFiles()
                    .forEach(file ->
                            text.append("    ").append(file.toAbsolutePath()).append('\n'));
            officials.ifAvailable(demoOfficials -> text.append(
                            "  Demo officials (Tasklist, /sign-in; leaders read /reports), password '")
                    .append(officialsPassword)
                    .append("':\n")
                    .append(demoOfficials.accountTable()));
        });
        log.info(text.toString());
    }
}
