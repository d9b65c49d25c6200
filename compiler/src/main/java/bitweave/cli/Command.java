package bitweave.cli;

import org.apache.commons.cli.ParseException;

/** One sub-command of the CLI. */
interface Command {
    String name();

    String summary();

    /** Runs the command and returns the exit code; user errors are thrown as UserError. */
    int run(String[] args, Console console) throws ParseException, UsageException;
}
