package vn.edialog.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.edialog.app.operations.cli.Cli;

/**
 * The eDialog server and command line, in one jar: {@code java -jar edialog.jar} runs the server, {@code java -jar
 * edialog.jar <command> ...} runs a command of the command line without the web server.
 */
@SpringBootApplication
public class EDialogApplication {

    public static void main(String[] args) {
        // AxonIQ's update checker reads only system properties and the environment: switch it off before Axon loads.
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(EDialogApplication.class, args);
    }
}
