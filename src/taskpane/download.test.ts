/**
 * @jest-environment jsdom
 */
import { canDownloadFromPane, deliverDocx, officePlatform, REVOKE_AFTER_MS } from "./download";

const FILE = "bao-cao-cctthc-thang-11-2024.docx";

describe("officePlatform / canDownloadFromPane", () => {
  const office = (context: object) => ({ context }) as unknown as typeof Office;

  test("reads Office.context.platform, else Office.context.diagnostics.platform", () => {
    expect(officePlatform(office({ platform: "PC", diagnostics: { platform: "Mac" } }))).toBe("PC");
    expect(officePlatform(office({ diagnostics: { platform: "Mac" } }))).toBe("Mac");
    expect(officePlatform(office({}))).toBeUndefined();
    expect(officePlatform(undefined)).toBeUndefined();
  });

  test("only Excel for Mac cannot download from the pane", () => {
    expect(canDownloadFromPane("Mac")).toBe(false);
    for (const p of ["PC", "OfficeOnline", undefined]) expect(canDownloadFromPane(p)).toBe(true);
  });
});

describe("deliverDocx", () => {
  let createObjectURL: jest.Mock;
  let revokeObjectURL: jest.Mock;
  let click: jest.SpyInstance;
  let clicked: { href: string; download: string; inDocument: boolean }[];

  beforeEach(() => {
    jest.useFakeTimers();
    // jsdom implements neither Blob URLs nor navigation
    createObjectURL = jest.fn(() => "blob:https://localhost:3000/1234");
    revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    clicked = [];
    click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
  });

  afterEach(() => {
    click.mockRestore();
    jest.useRealTimers();
  });

  test.each(["PC", "OfficeOnline"])("on %s: clicks an <a download> with the file name, then revokes the URL", async (platform) => {
    const blob = new Blob(["docx"]);
    await expect(deliverDocx(blob, FILE, platform)).resolves.toEqual({ kind: "downloaded" });
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([{ href: "blob:https://localhost:3000/1234", download: FILE, inDocument: true }]);
    expect(document.querySelector("a")).toBeNull();
    expect(revokeObjectURL).not.toHaveBeenCalled();
    jest.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revokeObjectURL).toHaveBeenCalledWith("blob:https://localhost:3000/1234");
  });

  test("on Excel for Mac: does not try, and says plainly what to do instead", async () => {
    const delivery = await deliverDocx(new Blob(["docx"]), FILE, "Mac");
    expect(delivery.kind).toBe("unsupported");
    const message = delivery.kind === "unsupported" ? delivery.message : "";
    expect(message).toContain("Excel trên máy Mac không cho phần bổ trợ tải tệp xuống");
    expect(message).toContain(FILE);
    expect(message).toContain("Excel trên web");
    expect(message).toContain("OneDrive hoặc SharePoint");
    expect(message).toContain('rồi bấm "Xuất báo cáo"');
    expect(message).toContain("bao-cao export <tệp.xlsx>");
    expect(message).toContain("Node.js");
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(clicked).toEqual([]);
  });
});
