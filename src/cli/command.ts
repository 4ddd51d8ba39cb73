/**
 * What a command of the command line is: its name, its options (node's util.parseArgs), its
 * lines in the usage text, and what it does with the parsed arguments. `defineCommand` adds
 * what every command shares: strict parsing (an unknown option is a usage error) and -h/--help.
 */
import { parse, type Options, type Parsed } from "./args";

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  /** environment (BAO_CAO_DEBUG=1 prints the stack of an unexpected error); defaults to process.env */
  env?: Record<string, string | undefined>;
  /** "now" for the date checks (a report year far from it is a warning); defaults to the current date */
  today?: Date;
}

export interface Context {
  io: CliIO;
  today: Date;
  /** prints the usage text; returns the exit code */
  help(): number;
}

export interface CommandSpec<T extends Options> {
  name: string;
  options: T;
  /** its lines in the usage text (`bao-cao --help`), indented as they are printed */
  usage: string;
  run(ctx: Context, args: Parsed<T>): Promise<number>;
}

export interface CliCommand {
  readonly name: string;
  readonly options: Options;
  readonly usage: string;
  /** parses `args` with the command's options (and -h/--help), then runs it; throws CliFailure */
  execute(ctx: Context, args: string[]): Promise<number>;
}

export function defineCommand<const T extends Options>(spec: CommandSpec<T>): CliCommand {
  return {
    name: spec.name,
    options: spec.options,
    usage: spec.usage,
    execute: async (ctx, args) => {
      const parsed = parse(args, spec.options);
      if ((parsed.values as { help?: boolean }).help) return ctx.help();
      return spec.run(ctx, parsed);
    },
  };
}
