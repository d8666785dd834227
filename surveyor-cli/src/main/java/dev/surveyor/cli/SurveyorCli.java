package dev.surveyor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code surveyor} command.
 *
 * <p>Exit codes: 0 success; 2 bad input or usage (one line on stderr naming the file or option and
 * what is wrong); 1 anything else. {@code --stacktrace} prints the full trace of a failure.
 */
@Command(
        name = "surveyor",
        mixinStandardHelpOptions = true,
        versionProvider = SurveyorCli.Version.class,
        description = "Science-grade measurements from orbital images: craters, height, PS-InSAR.",
        subcommands = {
            InfoCommand.class,
            DemoCommand.class,
            dev.surveyor.cli.craters.CratersCommand.class,
            dev.surveyor.cli.height.HeightCommand.class,
            dev.surveyor.cli.insar.InsarCommand.class,
            dev.surveyor.cli.report.ReportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SurveyorCli {
    /** Exit code of a successful run. */
    public static final int EXIT_OK = 0;

    /** Exit code for anything that is not the user's input's fault. */
    public static final int EXIT_FAILURE = 1;

    /** Exit code for bad input or usage. */
    public static final int EXIT_BAD_INPUT = 2;

    @Option(
            names = "--stacktrace",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print the full stack trace when a command fails.")
    boolean stacktrace;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * The command line as the user typed it ({@code surveyor} and the arguments of {@code spec}'s
     * command), recorded as the provenance of a model in its {@code model.json}.
     */
    public static String typedCommand(CommandLine.Model.CommandSpec spec) {
        return "surveyor " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /** The configured picocli command line (exit-code mapping and error handlers installed). */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new SurveyorCli());
        cl.setExecutionExceptionHandler(SurveyorCli::handleException);
        cl.setParameterExceptionHandler(SurveyorCli::handleParameterException);
        return cl;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("surveyor: " + ex.getMessage());
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static int handleException(
            Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        boolean trace = parseResult.hasMatchedOption("--stacktrace") || hasTraceFlag(parseResult);
        Throwable cause = unwrap(ex);
        int code = isBadInput(cause) ? EXIT_BAD_INPUT : EXIT_FAILURE;
        err.println("surveyor: " + describe(cause));
        if (trace) {
            cause.printStackTrace(err);
        } else if (code == EXIT_FAILURE) {
            err.println("(run again with --stacktrace for details)");
        }
        err.flush();
        return code;
    }

    private static boolean hasTraceFlag(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof UncheckedIOException
                        || c instanceof java.util.concurrent.ExecutionException
                        || c instanceof java.util.concurrent.CompletionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Whether a failure is the user's input's fault (exit code 2). */
    static boolean isBadInput(Throwable t) {
        return t instanceof IllegalArgumentException
                || t instanceof dev.surveyor.core.raster.RasterFormatException
                || t instanceof NoSuchFileException
                || t instanceof AccessDeniedException
                || t instanceof FileAlreadyExistsException
                || t instanceof java.io.FileNotFoundException
                || t instanceof java.io.EOFException
                || t instanceof java.nio.file.NotDirectoryException
                || t instanceof java.time.format.DateTimeParseException
                || t.getClass().getName().startsWith("com.fasterxml.jackson.core.JsonParse")
                || t.getClass().getName().startsWith("com.fasterxml.jackson.databind.exc");
    }

    /** One line describing a failure, naming the file when the exception carries one. */
    static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (t instanceof FileAlreadyExistsException e) {
            return e.getFile() + ": already exists";
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        return nl >= 0 ? msg.substring(0, nl) : msg;
    }

    /** Reads the version that Maven filtered into {@code version.properties}. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = SurveyorCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                "surveyor " + p.getProperty("version", "unknown"),
                "Java "
                        + System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vendor")
                        + ")"
            };
        }
    }
}
