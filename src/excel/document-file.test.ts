/**
 * The open workbook's bytes from Office's getFileAsync, on the simulator: every slice in
 * order, the file closed again, undefined (never an exception) where the host cannot give it.
 */
import { createSimHost } from "../../dev/excel-sim";
import { readDocumentFile } from "./document-file";

const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256);

describe("readDocumentFile", () => {
  it("joins the slices in order and closes the file", async () => {
    const sim = createSimHost();
    sim.documentBytes = bytes;
    expect(await readDocumentFile(sim.document, 4096)).toEqual(bytes); // three slices
    expect(await readDocumentFile(sim.document)).toEqual(bytes); // one slice
    expect(sim.openFiles).toBe(0);
  });

  it("is undefined where the host cannot hand the file over, a slice fails, or there is no file API", async () => {
    const sim = createSimHost();
    expect(await readDocumentFile(sim.document)).toBeUndefined(); // the call fails
    expect(await readDocumentFile(undefined)).toBeUndefined();
    expect(await readDocumentFile({} as never)).toBeUndefined();
    sim.documentBytes = bytes;
    const broken = {
      getFileAsync: (type: string, options: { sliceSize: number }, cb: Parameters<typeof sim.document.getFileAsync>[2]) =>
        sim.document.getFileAsync(type, options, (r) => cb({ ...r, value: { ...r.value, getSliceAsync: (i, k) => r.value.getSliceAsync(i + 5, k) } })),
    };
    expect(await readDocumentFile(broken, 4096)).toBeUndefined();
    expect(sim.openFiles).toBe(0); // closed even so
    const throwing = {
      getFileAsync: () => {
        throw new Error("not supported");
      },
    };
    expect(await readDocumentFile(throwing)).toBeUndefined();
  });
});
