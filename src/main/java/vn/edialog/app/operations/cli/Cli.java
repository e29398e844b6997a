package vn.edialog.app.operations.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line in the server's jar. Exit codes for every command: 0 valid or done, 1 invalid (the reason is
 * printed), 2 unusable input or usage.
 */
@Command(
        name = "edialog",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "eDialog server and tools. Without a command the jar runs the server.",
        subcommands = {
            SignCommand.class,
            SignatureCommand.class,
            EvidenceCommand.class,
            CertsCommand.class,
            VerifyStoreCommand.class,
            ProjectionsCommand.class,
            DeadLettersCommand.class,
            EraseCommand.class,
            CalendarCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Cli {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNUSABLE = 2;

    private static final Set<String> COMMANDS = Set.of(
            "sign",
            "signature",
            "evidence",
            "certs",
            "verify-store",
            "calendar",
            "projections",
            "dead-letters",
            "erase",
            "help");

    /** Whether the arguments name a command (anything else starts the server, e.g. {@code --server.port=9090}). */
    public static boolean isCommand(String[] args) {
        return args.length > 0
                && (COMMANDS.contains(args[0])
                        || args[0].equals("--help")
                        || args[0].equals("-h")
                        || args[0].equals("--version")
                        || args[0].equals("-V"));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Cli())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> UNUSABLE)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("edialog: " + message(e));
                    return UNUSABLE;
                });
        return commandLine.execute(args);
    }

    static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null
                && (cause.getMessage() == null || cause instanceof java.io.UncheckedIOException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"eDialog " + (version == null ? "development" : version)};
        }
    }
}
