// argv -> command -> exit code. The only place that maps errors to exit codes.
// Exit codes: 0 OK; 1 ran but found catalogue errors or failed items; 2 could not run.
import { Command, CommanderError, Option } from "commander";
import { AdapterError, ConfigError, InternalError, UsageError, errorMessage } from "../errors.js";
import { pick, resolveLang, type Lang } from "../i18n.js";
import { createLogger, LOG_LEVELS, type LogLevel } from "../log.js";
import { processIo, type CommandContext, type Io } from "./io.js";
import { checkOutputPath } from "./output-path.js";
import { commands } from "./commands/index.js";
import { langFromArgv, seeHelpLine, translateCommanderError } from "./usage-text.js";
import { configLang } from "./lang.js";
import { localizeHelp, localizeHelpOutput } from "./help-id.js";
import { renderJsonFailure, wantsJsonReport, type FailureKind } from "./json-failure.js";
import { VERSION } from "../version.js";
import { EXIT_CANNOT_RUN, EXIT_OK } from "../exit-codes.js";
import { guardOutput, withDrain } from "../report/terminal-safe.js";
import { environmentFailure } from "../fs-errors.js";

interface GlobalOptions {
  logLevel?: LogLevel;
  logFile?: string;
  lang?: string;
  color?: boolean;
}

export async function main(argv: string[], processIoArg: Io = processIo()): Promise<number> {
  // NOTE: stdout writes are noted so a `validate --format json` that fails before its report still
  // prints one JSON document (issue 12.13), and never a second one.
  // Every byte printed passes the terminal guard: no raw control character from a file name, a
  // header cell or a marketplace reaches the terminal or a CI log (issue 13 item 7).
  let wroteStdout = false;
  const out = guardOutput(processIoArg.stdout);
  const io: Io = {
    ...processIoArg,
    stderr: guardOutput(processIoArg.stderr),
    stdout: withDrain(out, {
      write: (chunk: string) => {
        wroteStdout = true;
        return out.write(chunk);
      },
      get isTTY() {
        return out.isTTY;
      },
      get columns() {
        return out.columns;
      },
    }),
  };
  // `--lang`, DESBUMI_LANG, the config's `lang`, the locale (issue 12.14).
  const fromConfig = configLang(argv, io.cwd);
  let exitCode = EXIT_OK;
  let context: CommandContext | undefined;
  const getContext = (cmd: Command): CommandContext => {
    if (context) return context;
    const opts = cmd.optsWithGlobals<GlobalOptions>();
    const lang = resolveLang(opts.lang, io.env, fromConfig);
    if (opts.logFile !== undefined) checkLogFile(opts.logFile, cmd, io.cwd);
    const log = createLogger({ level: opts.logLevel ?? "warn", stderr: io.stderr, ...(opts.logFile ? { file: opts.logFile } : {}) });
    const color = opts.color !== false && !io.env.NO_COLOR && io.stdout.isTTY === true;
    context = { io, lang, log, color };
    return context;
  };

  // Usage errors are raised while parsing, before any command's context exists: pick the language now.
  const earlyLang = resolveLang(langFromArgv(argv), io.env, fromConfig);
  const program = new Command("desbumi")
    .description("Get village product catalogues onto online marketplaces / Unggah katalog produk desa ke marketplace")
    .version(VERSION, "-V, --version")
    .addOption(new Option("--log-level <level>", "log level on stderr").choices(LOG_LEVELS).default("warn"))
    .option("--log-file <file>", "also write JSON log lines to this file")
    .addOption(new Option("--lang <lang>", "message language (default: DESBUMI_LANG, the config's lang, then LC_ALL/LANG)").choices(["id", "en"]))
    .option("--no-color", "no colours in output")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(localizeHelpOutput(s, earlyLang)),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(`${translateCommanderError(s, earlyLang)}\n`),
    });

  for (const register of commands) {
    register(program, {
      context: getContext,
      exit: (code: number) => {
        exitCode = Math.max(exitCode, code);
      },
    });
  }
  configureUsageErrors(program, "desbumi", earlyLang);
  localizeHelp(program, earlyLang);

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    const lang = context?.lang ?? earlyLang;
    const code = reportError(error, lang, io, context);
    if (code !== EXIT_OK && !wroteStdout && wantsJsonReport(argv)) writeJsonFailure(error, lang, io);
    return code;
  }
}

/** The one JSON document of a `--format json` run that could not report (issue 12.13). */
function writeJsonFailure(error: unknown, lang: Lang, io: Io): void {
  let kind: FailureKind = "internal";
  let message = errorMessage(error);
  let details: string[] = [];
  if (error instanceof CommanderError) {
    kind = "usage";
    message = translateCommanderError(error.message, lang);
  } else if (error instanceof UsageError || error instanceof AdapterError) {
    kind = error instanceof UsageError ? "usage" : "marketplace";
    message = pick(error.text, lang);
  } else if (environmentFailure(error, io.cwd)) {
    kind = "usage";
    message = pick(environmentFailure(error, io.cwd) ?? { id: message, en: message }, lang);
  } else if (error instanceof ConfigError) {
    kind = "config";
    message = pick(error.text, lang);
    details = error.issues.map((issue) => pick(issue, lang));
  }
  io.stdout.write(renderJsonFailure(kind, message, details));
}

/** Log lines appended to a catalogue or a plan would damage it: refuse before the log is opened (issue 13 item 6). */
function checkLogFile(path: string, cmd: Command, cwd: string): void {
  const opts = cmd.opts<Record<string, unknown>>();
  const inputs = [...cmd.args, ...["config", "previous", "output", "out"].map((k) => opts[k]).filter((v): v is string => typeof v === "string")];
  checkOutputPath({ flag: "--log-file", path, cwd, inputs });
  if (/\.(csv|tsv|txt|xlsx|xlsm|xls|ods)$/i.test(path)) {
    throw new UsageError({
      id: `Ditolak: --log-file ${path} terlihat seperti berkas katalog; catatan log ditulis sebagai baris JSON. Pakai nama seperti desbumi.log.`,
      en: `Refused: --log-file ${path} looks like a catalogue file; log lines are JSON. Use a name like desbumi.log.`,
    });
  }
}

/** Every command: exit through main (not process.exit), and after a usage error one "See: ... --help" line. */
function configureUsageErrors(cmd: Command, path: string, lang: Lang): void {
  cmd.exitOverride().showHelpAfterError(seeHelpLine(path, lang));
  for (const sub of cmd.commands) configureUsageErrors(sub, `${path} ${sub.name()}`, lang);
}

function reportError(error: unknown, lang: Lang, io: Io, context: CommandContext | undefined): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
      return EXIT_OK;
    }
    // commander already printed the message (translated) and the "See: ... --help" line.
    return EXIT_CANNOT_RUN;
  }
  if (error instanceof UsageError || error instanceof AdapterError) {
    io.stderr.write(`${pick(error.text, lang)}\n`);
    context?.log.debug({ err: error }, "run stopped");
    return EXIT_CANNOT_RUN;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`${pick(error.text, lang)}\n`);
    for (const issue of error.issues) io.stderr.write(`  - ${pick(issue, lang)}\n`);
    return EXIT_CANNOT_RUN;
  }
  // The machine, not desbumi: a read-only or full disk, a folder or a pipe where a file should be,
  // no permission. A plain message naming the path (issue 13 item 14).
  const environment = environmentFailure(error, io.cwd);
  if (environment) {
    io.stderr.write(`${pick(environment, lang)}\n`);
    context?.log.debug({ err: error }, "run stopped");
    return EXIT_CANNOT_RUN;
  }
  // A bug: say so plainly, no stack trace on the terminal (it goes to the log at debug level).
  context?.log.error({ err: error }, "internal error");
  const what = error instanceof InternalError ? error.message : errorMessage(error);
  io.stderr.write(
    lang === "id"
      ? `desbumi mengalami kesalahan internal: ${what}\nMohon laporkan ke pengembang (jalankan ulang dengan --log-level debug untuk detail).\n`
      : `desbumi hit an internal error: ${what}\nPlease report it (rerun with --log-level debug for details).\n`,
  );
  return EXIT_CANNOT_RUN;
}
