import JSZip from "jszip";
import { packReport } from "../docx";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { packReportNode, zipParts } from "./docx-zip";

/** The parts of a zip file as text, by path (docProps/core.xml's dates left out). */
async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const text = await zip.file(name)!.async("string");
    out[name] = name === "docProps/core.xml" ? text.replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, "<dcterms:$1><") : text;
  }
  return out;
}

it("the command line's .docx has the same parts as docx's Packer gives the task pane", async () => {
  const def = loadDefinition();
  const data = sampleData();
  const [node, packer] = await Promise.all([partsOf(packReportNode(def, data)), packReport(def, data).then(partsOf)]);
  expect(Object.keys(node)).toEqual(Object.keys(packer));
  expect(node).toEqual(packer);
  expect(node["word/document.xml"]).toContain("BÁO CÁO");
});

it("zipParts writes a zip that JSZip reads back (UTF-8 names, empty and binary parts)", async () => {
  const bytes = zipParts([
    ["a.txt", "xin chào"],
    ["thư mục/b.bin", new Uint8Array([0, 1, 2, 255])],
    ["empty", ""],
  ]);
  const zip = await JSZip.loadAsync(bytes);
  expect(await zip.file("a.txt")!.async("string")).toBe("xin chào");
  expect([...(await zip.file("thư mục/b.bin")!.async("uint8array"))]).toEqual([0, 1, 2, 255]);
  expect(await zip.file("empty")!.async("string")).toBe("");
});
