package vn.edialog.app.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.springframework.core.env.Environment;
import vn.edialog.app.operations.cli.Cli;

/** The command line as an operator runs it, on the database of the server under test. */
public final class CliRuns {

    private CliRuns() {}

    /** The exit code, and what the command printed (standard output, then standard error). */
    public record Run(int exit, String out) {}

    public static Run run(Environment server, String... args) {
        Map<String, String> database = Map.of(
                "edialog.db.url", server.getRequiredProperty("edialog.db.url"),
                "edialog.db.user", server.getRequiredProperty("edialog.db.user"),
                "edialog.db.password", server.getProperty("edialog.db.password", ""));
        database.forEach(System::setProperty);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(exit, out + err.toString());
        } finally {
            database.keySet().forEach(System::clearProperty);
        }
    }
}
