/**
 * The `bao-cao` command line: create the standard workbook or a unit's workbook, check a
 * filled one, roll up units' workbooks into a town's or province's, export the Word report.
 * The logic lives in the shared modules (layout, reader, checks, the export command, the
 * Word builder); each command is a module of commands/, listed in registry.ts; this file
 * dispatches to them and turns every foreseeable failure into a Vietnamese message and an
 * exit code, never a stack trace.
 *
 * Exit codes: 0 success; 1 the workbook has errors, or a file cannot be read or written;
 * 2 the command was called wrongly (unknown command or option, missing argument).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { CliIO } from "./command";
import { CliFailure, errText, EXIT, usageError } from "./errors";
import { M } from "./messages";
import { commandNames, findCommand, USAGE } from "./registry";

export type { CliIO } from "./command";
export { EXIT } from "./errors";
export { problemSummary } from "./messages";
export { USAGE } from "./registry";

function help(io: CliIO): number {
  io.out(USAGE);
  return EXIT.ok;
}

/** The package's version, from the package.json above this file (src/cli, or lib/ for the bundle). */
export function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "bao-cao-tthc" && pkg.version) return pkg.version;
    } catch {
      // not here: look one level up
    }
    dir = path.dirname(dir);
  }
  return "không rõ";
}

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const env = io.env ?? process.env;
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.err(`${M.noCommand}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (command === "--help" || command === "-h" || command === "help") return help(io);
    if (command === "--version" || command === "-v" || command === "-V") {
      io.out(`bao-cao ${version()}`);
      return EXIT.ok;
    }
    const found = findCommand(command);
    if (!found) throw usageError(command.startsWith("-") ? M.unknownOption(command) : M.unknownCommand(command, commandNames()));
    return await found.execute({ io, today: io.today ?? new Date(), help: () => help(io) }, rest);
  } catch (e) {
    if (e instanceof CliFailure) {
      io.err(`bao-cao: ${e.message}`);
      return e.exitCode;
    }
    io.err(M.unexpected(errText(e).split("\n")[0]));
    if (env.BAO_CAO_DEBUG === "1" && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT.failed;
  }
}

/* ------------------------------------------------------------------ as a program */

const processIO: CliIO = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

let started = false;

/** Runs `main` on the process's arguments and sets process.exitCode (once). */
export function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  if (started) return Promise.resolve();
  started = true;
  return main(argv, processIO).then((code) => {
    process.exitCode = code;
  });
}

// Run directly (tsx src/cli/main.ts); bin/bao-cao.js calls run() of the bundle, lib/bao-cao.js.
if (require.main === module) void run();
