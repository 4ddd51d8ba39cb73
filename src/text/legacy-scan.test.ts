import { MSG_LEGACY, scanLegacyText, type TextCell } from "./legacy-scan";
import { toTcvn3, toVni } from "./legacy-vn";

const cell = (address: string, text: string, font?: string, sheet = "Sheet"): TextCell => ({ sheet, address, text, ...(font ? { font } : {}) });

describe("scanLegacyText", () => {
  it("reports TCVN3 and VNI cells with their Unicode text and messages, and leaves Unicode alone", () => {
    const found = scanLegacyText([cell("A1", "ViÖt Nam"), cell("A2", "Việt Nam"), cell("A3", "Vieät Nam"), cell("A4", "BC-UBND")]);
    expect(found.map(({ address, encoding, capitals, converted }) => ({ address, encoding, capitals, converted }))).toEqual([
      { address: "A1", encoding: "tcvn3", capitals: false, converted: "Việt Nam" },
      { address: "A3", encoding: "vni", capitals: false, converted: "Việt Nam" },
    ]);
    expect(found[0].message).toBe(
      'Ô chứa chữ mã TCVN3 (ABC), không phải Unicode: "ViÖt Nam" sẽ in ra sai. Bấm "Chuyển sang Unicode" hoặc chạy bao-cao fix-text.',
    );
    expect(found[1].message).toBe(
      'Ô chứa chữ mã VNI-Windows, không phải Unicode: "Vieät Nam" sẽ in ra sai. Bấm "Chuyển sang Unicode" hoặc chạy bao-cao fix-text.',
    );
    expect(found.map((f) => f.cliLine)).toEqual(["Sheet!A1: TCVN3 → Unicode", "Sheet!A3: VNI → Unicode"]);
  });

  it("trusts the font, and upper-cases the text of a .VnTimeH cell", () => {
    const found = scanLegacyText([
      cell("A1", "ñy ban nh©n d©n", ".VnTimeH"),
      cell("A2", "Hµ Néi", ".VnTime"),
      cell("A3", "Löu: VT.", "VNI-Times"),
      cell("A4", "Ha Noi", ".VnTime"), // reads the same: nothing to convert
      cell("A5", "Hà Nội", ".VnTime"), // Unicode in a TCVN3 font: left alone
    ]);
    expect(found.map((f) => [f.address, f.encoding, f.capitals, f.converted])).toEqual([
      ["A1", "tcvn3", true, "ỦY BAN NHÂN DÂN"],
      ["A2", "tcvn3", false, "Hà Nội"],
      ["A3", "vni", false, "Lưu: VT."],
    ]);
  });

  it("gives a short text that fits both encodings the encoding of the other cells", () => {
    const vniSheet = ["Noäi dung", "Tröôøng Sa", "Löu: VT."].map((t, i) => cell(`B${i + 1}`, t));
    expect(scanLegacyText(vniSheet).map((f) => [f.address, f.encoding, f.converted])).toEqual([
      ["B1", "vni", "Nội dung"],
      ["B2", "vni", "Trường Sa"],
      ["B3", "vni", "Lưu: VT."],
    ]);
    expect(scanLegacyText([cell("B3", "Löu: VT.")])).toEqual([]);
  });

  it("finds every text of a workbook converted to TCVN3 or VNI, and nothing in its Unicode original", () => {
    const texts = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc", "Báo cáo kết quả giải quyết thủ tục hành chính", "Nơi nhận:"];
    expect(scanLegacyText(texts.map((t, i) => cell(`A${i + 1}`, t)))).toEqual([]);
    const tcvn3 = scanLegacyText(texts.map((t, i) => cell(`A${i + 1}`, toTcvn3(t))));
    expect(tcvn3.map((f) => f.converted)).toEqual(texts);
    const vni = scanLegacyText(texts.map((t, i) => cell(`A${i + 1}`, toVni(t))));
    expect(vni.map((f) => f.converted)).toEqual(texts);
  });

  it("quotes the sheet name like Excel and shortens long texts in the message", () => {
    expect(MSG_LEGACY.cliLine("I. Kết quả", "C5", "tcvn3")).toBe("'I. Kết quả'!C5: TCVN3 → Unicode");
    const long = toTcvn3("Công tác cải cách hành chính đã được các cấp, các ngành quan tâm đúng mực");
    const [found] = scanLegacyText([cell("A1", `${long}\n${long}`, undefined, "II. Đánh giá")]);
    expect(found.cliLine).toBe("'II. Đánh giá'!A1: TCVN3 → Unicode");
    expect(found.message).toContain(`"${long.slice(0, 39)}…"`);
    expect(found.message).not.toContain("\n");
  });
});
