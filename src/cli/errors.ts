/**
 * How the command line fails: a foreseen failure carries its Vietnamese message and its exit
 * code, and main prints it (never a stack trace).
 *
 * Exit codes: 0 success; 1 the workbook has errors, or a file cannot be read or written;
 * 2 the command was called wrongly (unknown command or option, missing argument).
 */
import { M } from "./messages";

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A foreseen failure: its message is shown as is, with its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The command was called wrongly (exit 2): the message, then where to find help. */
export const usageError = (message: string) => new CliFailure(`${message}\n${M.seeHelp}`, EXIT.usage);
/** The work could not be done (exit 1). */
export const failure = (message: string) => new CliFailure(message, EXIT.failed);

export const errCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;
export const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
