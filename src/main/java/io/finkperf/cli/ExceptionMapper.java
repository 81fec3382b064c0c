package io.finkperf.cli;

import io.finkperf.base.KindedException;
import io.finkperf.batch.BatchFormatException;
import io.finkperf.data.DataException;
import io.finkperf.fetch.FetchException;
import io.finkperf.gate.GateException;
import io.finkperf.gate.Verdict;
import io.finkperf.history.HistoryException;
import io.finkperf.spark.SparkClusterException;
import io.finkperf.registry.RegistryException;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import io.finkperf.results.ScaleResult;
import io.finkperf.runner.RunnerException;
import io.finkperf.transfer.TransferException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The one place where exceptions become exit codes and a single line on stderr. */
public final class ExceptionMapper implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        ExitCode code = exitCodeOf(ex);
        PrintWriter err = cmd.getErr();
        err.println("fink-perf: " + oneLine(ex));
        // a gate passing on a profile run's unknown code (a killed JVM…) is no bug of its own
        boolean bug = code == ExitCode.INTERNAL && !(ex instanceof GateException);
        if (bug || isVerbose(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    public static ExitCode exitCodeOf(Throwable ex) {
        if (ex instanceof FinkPerfException f) {
            return f.exitCode();
        }
        if (ex instanceof KindedException k) {
            return exitCodeOf(k.kind());
        }
        if (ex instanceof BatchFormatException) {
            return ExitCode.DATA;
        }
        if (ex instanceof RegistryException) {
            return ExitCode.REGISTRY;
        }
        if (ex instanceof SparkClusterException) {
            return ExitCode.SPARK;
        }
        if (ex instanceof GateException g) {
            return exitCodeOf(g.verdict());
        }
        return ExitCode.INTERNAL;
    }

    /** The code of a {@link KindedException}'s kind: each package's enum, switched on exhaustively. */
    static ExitCode exitCodeOf(Enum<?> kind) {
        if (kind instanceof DataException.Kind) {
            return ExitCode.DATA;
        }
        if (kind instanceof HistoryException.Kind h) {
            return switch (h) {
                case BAD_STORE, GIT -> ExitCode.HISTORY;
                case BAD_INPUT -> ExitCode.USAGE;
                case CALIBRATION -> ExitCode.PYTHON_MISSING;
            };
        }
        if (kind instanceof FetchException.Kind f) {
            return switch (f) {
                case DOWNLOAD, CHECKSUM -> ExitCode.DOWNLOAD;
                case ARCHIVE -> ExitCode.DATA;
            };
        }
        if (kind instanceof TransferException.Kind t) {
            return switch (t) {
                case CREDENTIALS -> ExitCode.USAGE;
                case UNREACHABLE -> ExitCode.KAFKA_UNREACHABLE;
                case UNKNOWN_TOPIC -> ExitCode.UNKNOWN_TOPIC;
                case NO_SCHEMA -> ExitCode.NO_SCHEMA;
                case DECODE -> ExitCode.UNDECODABLE;
                case OUTPUT -> ExitCode.OUTPUT;
            };
        }
        if (kind instanceof RunnerException.Kind r) {
            return switch (r) {
                case PYTHON_MISSING -> ExitCode.PYTHON_MISSING;
                case PACKAGE_MISSING -> ExitCode.PACKAGE_MISSING;
                case ENGINE_UNAVAILABLE, IMAGE_MISSING -> ExitCode.CONTAINER;
                case IO -> ExitCode.INTERNAL;
            };
        }
        return ExitCode.INTERNAL;
    }

    /** The exit code a finished run deserves: that of its first failed module, in run order. */
    public static ExitCode exitCodeOf(RunResults results) {
        for (ModuleResult m : results.modules()) {
            ExitCode c = exitCodeOf(m);
            if (c != ExitCode.OK) {
                return c;
            }
        }
        if (results.scale() != null) {
            for (ScaleResult s : results.scale().modules()) {
                if ("error".equals(s.status())) {
                    // a failed scale run's message starts with how its driver run ended (ScaleEngine)
                    String m = s.message() == null ? "" : s.message();
                    return errorCode(m.contains(":") ? m.substring(0, m.indexOf(':')) : m);
                }
            }
        }
        return ExitCode.OK;
    }

    /** A failed gate: the profile run's own code when it failed, else what the gate found. */
    static ExitCode exitCodeOf(Verdict v) {
        return switch (v.outcome()) {
            case PASS -> ExitCode.OK;
            case NOT_RUN -> ExitCode.NO_RESULTS;
            case PROFILE_FAILED -> ExitCode.of(v.profileExit());
            case MODULE_FAILED -> exitCodeOf(v.failed());
            case TOO_SLOW -> ExitCode.REGRESSION;
        };
    }

    /** {@code check}'s exit code: that of the first module that cannot run for want of a package or file. */
    public static ExitCode exitCodeOf(io.finkperf.results.Readiness readiness) {
        for (io.finkperf.results.ModuleReadiness m : readiness.modules()) {
            if (m.verdict() == io.finkperf.results.ModuleReadiness.Verdict.MISSING) {
                return m.missingPackages().isEmpty() ? ExitCode.MISSING_FILE : ExitCode.PACKAGE_MISSING;
            }
        }
        return ExitCode.OK;
    }

    static ExitCode exitCodeOf(ModuleResult m) {
        return switch (m.status()) {
            case OK, SKIPPED, NEEDS_NETWORK -> ExitCode.OK;
            case MISSING_PACKAGE -> ExitCode.PACKAGE_MISSING;
            case MISSING_FILE -> ExitCode.MISSING_FILE;
            case TIMEOUT -> ExitCode.TIMEOUT;
            case OUT_OF_MEMORY -> ExitCode.OUT_OF_MEMORY;
            case ERROR -> errorCode(m.error() == null ? null : m.error().kind());
        };
    }

    private static ExitCode errorCode(String kind) {
        if (kind == null) {
            return ExitCode.MODULE_ERROR;
        }
        return switch (kind) {
            case ModuleError.UNTRUSTED -> ExitCode.UNTRUSTED;
            case "killed", "incomplete" -> ExitCode.KILLED;
            case "timeout" -> ExitCode.TIMEOUT;
            case "out_of_memory" -> ExitCode.OUT_OF_MEMORY;
            default -> kind.startsWith("missing_column") ? ExitCode.DATA : ExitCode.MODULE_ERROR;
        };
    }

    private static String oneLine(Throwable ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        }
        return msg.lines().findFirst().orElse(msg);
    }

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }
}
