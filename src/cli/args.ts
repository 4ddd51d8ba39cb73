/** The command line's arguments: each command's options parsed strictly, its input file, an output's extension. */
import { parseArgs } from "node:util";
import { errCode, errText, usageError } from "./errors";
import { M } from "./messages";

/** A command's options, as node's util.parseArgs takes them. */
export type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

/** parseArgs for one command (with -h/--help), its errors turned into usage errors. */
export function parse<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } } as T & { help: { type: "boolean"; short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const option = /'(-[^' ,]+)/.exec(errText(e))?.[1] ?? "";
    if (errCode(e) === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw usageError(M.unknownOption(option));
    if (errCode(e) === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw usageError(M.badOptionValue(option));
    throw usageError(errText(e));
  }
}

/** What `parse` gives for a command's options. */
export type Parsed<T extends Options> = ReturnType<typeof parse<T>>;

/** The one workbook a command works on. */
export function oneInput(cmd: string, positionals: string[]): string {
  if (positionals.length === 0) throw usageError(M.needInput(cmd));
  if (positionals.length > 1) throw usageError(M.tooMany(cmd, positionals.slice(1)));
  return positionals[0];
}

export function requireExtension(file: string, ext: string): void {
  if (!file.toLowerCase().endsWith(ext)) throw usageError(M.extension(file, ext));
}
