/**
 * Test helper: runs the command line in-process and collects what it prints. Every run also
 * asserts the CLI's promise that a user never sees a stack trace.
 */
import { main, type CliIO } from "./main";

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], io: Partial<CliIO> & { today: Date }): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, ...io });
  const result = { code, out, err, stdout: out.join("\n"), stderr: err.join("\n") };
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result;
}
