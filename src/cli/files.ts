/**
 * The command line's files: inputs read with a message for each way they can fail (missing,
 * a directory, no permission, not a readable .xlsx), outputs checked before any work (not the
 * input itself, not a directory, the folder exists, not overwritten without --force) and
 * written with a message for each way writing fails.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { MSG_XLSX_FILE } from "../workbook/file-messages";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { CliFailure, errCode, errText, failure } from "./errors";
import { M } from "./messages";
import { readSnapshot, XlsxFormatError } from "./xlsx";

export async function readInput(file: string): Promise<Buffer> {
  const fail = (e: unknown): CliFailure => {
    const code = errCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") return failure(M.notFound(file));
    if (code === "EACCES" || code === "EPERM") return failure(M.noReadPermission(file));
    if (code === "EISDIR") return failure(M.inputIsDirectory(file));
    return failure(M.cannotRead(file, errText(e)));
  };
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(file)).isDirectory();
  } catch (e) {
    throw fail(e);
  }
  if (isDirectory) throw failure(M.inputIsDirectory(file));
  try {
    return await readFile(file);
  } catch (e) {
    throw fail(e);
  }
}

export async function readWorkbookFile(file: string): Promise<WorkbookSnapshot> {
  return snapshotOfFile(file, await readInput(file));
}

/** The snapshot of a workbook file's bytes already read; an unreadable file is a failure that says why. */
export async function snapshotOfFile(file: string, bytes: Uint8Array): Promise<WorkbookSnapshot> {
  try {
    return await readSnapshot(bytes);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw failure(MSG_XLSX_FILE.unreadable(e.problem, file, "cli", e.info, e.detail));
    throw e;
  }
}

export async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/** Refuses an output that is the input itself (same path, or same file through a link). */
export async function refuseInputAsOutput(output: string, input: string): Promise<void> {
  if (path.resolve(output) === path.resolve(input)) throw failure(M.outputIsInput(input));
  const [a, b] = await Promise.all([statOrNull(output), statOrNull(input)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino) throw failure(M.outputIsInput(input));
}

/** An example file name for each kind of output, used in messages. */
const exampleName = (output: string) => (output.toLowerCase().endsWith(".docx") ? "bao-cao.docx" : "so-bao-cao.xlsx");

export async function refuseDirectory(output: string, example: string): Promise<void> {
  if ((await statOrNull(output))?.isDirectory()) throw failure(M.outputIsDirectory(output, example));
}

/** What can be known about an output before any work: an existing directory, a missing parent. */
export async function checkOutput(output: string, options: { mayExist: boolean }): Promise<void> {
  const target = await statOrNull(output);
  if (target?.isDirectory()) throw failure(M.outputIsDirectory(output, exampleName(output)));
  if (target && !options.mayExist) throw failure(M.outputExists(output));
  const dir = path.dirname(path.resolve(output));
  const parent = await statOrNull(dir);
  if (!parent || !parent.isDirectory()) throw failure(M.noDirectory(dir));
}

export async function writeOutput(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(file, bytes);
  } catch (e) {
    const code = errCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") throw failure(M.noDirectory(path.dirname(path.resolve(file))));
    if (code === "EISDIR") throw failure(M.outputIsDirectory(file, exampleName(file)));
    if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "EBUSY") throw failure(M.noWritePermission(file));
    if (code === "ENOSPC" || code === "EDQUOT") throw failure(M.diskFull(file));
    throw failure(M.cannotWrite(file, errText(e)));
  }
}
