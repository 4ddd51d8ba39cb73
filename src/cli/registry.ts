/**
 * The commands of `bao-cao`, in the order of the usage text, and the usage text made from
 * them. A new command is a module in commands/ (defineCommand) added to this list.
 */
import type { CliCommand } from "./command";
import { checkCommand } from "./commands/check";
import { definitionCommand } from "./commands/definition";
import { exportCommand } from "./commands/export";
import { fixTextCommand } from "./commands/fix-text";
import { importFiguresCommand } from "./commands/import-figures";
import { kindsCommand } from "./commands/kinds";
import { nextPeriodCommand } from "./commands/next-period";
import { rollupCommand } from "./commands/rollup";
import { templateCommand } from "./commands/template";
import { USAGE_HEAD, USAGE_TAIL } from "./messages";

export const COMMANDS: readonly CliCommand[] = [
  kindsCommand,
  definitionCommand,
  templateCommand,
  rollupCommand,
  checkCommand,
  exportCommand,
  nextPeriodCommand,
  fixTextCommand,
  importFiguresCommand,
];

export const commandNames = (): string[] => COMMANDS.map((c) => c.name);

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** `bao-cao --help`: the head, every command's lines, the tail. */
export const USAGE = `${USAGE_HEAD}\n\nCách dùng:\n${COMMANDS.map((c) => c.usage).join("\n\n")}\n\n${USAGE_TAIL}`;
