/**
 * The open workbook's own bytes, as Office hands them to an add-in:
 * `Office.context.document.getFileAsync(Office.FileType.Compressed)` (requirement set
 * CompressedFile), read slice by slice and closed again (Office allows only a couple of open
 * files per document). "Kỳ mới" gives them to the same writer as the command line, so that
 * what the office added to its workbook is carried into next period's. Excel on Windows and
 * Mac hand the file over; Excel on the web gives add-ins only a PDF, so there the call fails
 * and "Kỳ mới" falls back to rebuilding, saying what is not carried.
 */

/** The part of Office.context.document this needs (the simulator provides the same). */
export interface OfficeDocumentFiles {
  getFileAsync(fileType: string, options: { sliceSize: number }, callback: (result: AsyncResult<OfficeFileHandle>) => void): void;
}

interface AsyncResult<T> {
  status: string;
  value: T;
  error?: { message?: string };
}

export interface OfficeFileHandle {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncResult<{ data: ArrayLike<number> | ArrayBuffer; index: number; size: number }>) => void): void;
  closeAsync(callback?: (result: AsyncResult<void>) => void): void;
}

/** Office's slice size limit is 4 MB; a report workbook is far smaller, so one or two slices. */
export const SLICE_SIZE = 4 * 1024 * 1024;

const call = <T>(f: (cb: (r: AsyncResult<T>) => void) => void): Promise<T | undefined> =>
  new Promise((resolve) => {
    try {
      f((r) => resolve(r.status === "succeeded" ? r.value : undefined));
    } catch {
      resolve(undefined);
    }
  });

/**
 * The document's .xlsx bytes, or undefined where the host cannot hand them over (no
 * getFileAsync, the call refused, a slice missing): the caller then says so and falls back.
 */
export async function readDocumentFile(document: OfficeDocumentFiles | undefined, sliceSize = SLICE_SIZE): Promise<Uint8Array | undefined> {
  if (!document || typeof document.getFileAsync !== "function") return undefined;
  const file = await call<OfficeFileHandle>((cb) => document.getFileAsync("compressed", { sliceSize }, cb));
  if (!file) return undefined;
  try {
    const out = new Uint8Array(file.size);
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await call<{ data: ArrayLike<number> | ArrayBuffer }>((cb) => file.getSliceAsync(i, cb));
      if (!slice) return undefined;
      const data = slice.data instanceof ArrayBuffer ? new Uint8Array(slice.data) : Uint8Array.from(slice.data);
      if (at + data.length > out.length) return undefined;
      out.set(data, at);
      at += data.length;
    }
    return at === out.length ? out : undefined;
  } finally {
    await call<void>((cb) => file.closeAsync(cb));
  }
}
