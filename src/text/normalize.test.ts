import { SOFT_BREAK, decodeXlsxEscapes, normalizeCellText } from "./normalize";

/** Every character XML 1.0 allows (Char production). */
const XML_CHAR = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe("decodeXlsxEscapes", () => {
  it.each([
    ["Dòng 1_x000b_Dòng 2", "Dòng 1\u000BDòng 2"],
    ["a_x000D__x000A_b", "a\r\nb"],
    ["_x0009_", "\t"],
    ["upper and lower hex: _x001F_ _x001f_", "upper and lower hex: \u001F \u001F"],
    ["_x005F_x000b_", "_x000b_"], // _x005F_ escapes the underscore: the rest is literal text
    ["_x005F__x000b_", "_\u000B"],
    ["_xD83D__xDE00_", "😀"],
    ["Việt Nam", "Việt Nam"],
    ["TEN_x_FILE, _x00_, _x00ZZ_, _X000B_", "TEN_x_FILE, _x00_, _x00ZZ_, _X000B_"], // not escapes
  ])("%j → %j", (input, expected) => {
    expect(decodeXlsxEscapes(input)).toBe(expected);
  });
});

describe("normalizeCellText", () => {
  it("composes decomposed Vietnamese (NFD) into NFC", () => {
    const out = normalizeCellText("Vie\u0302\u0323t Nam");
    expect(out).toBe("Việt Nam");
    expect(out).toBe(out.normalize("NFC"));
    expect(normalizeCellText("Ủy ban nhân dân thị xã Mỹ Hào".normalize("NFD"))).toBe("Ủy ban nhân dân thị xã Mỹ Hào");
  });

  it("turns CR LF and CR into LF, and the vertical tab into a soft break", () => {
    expect(normalizeCellText("a\r\nb\rc\nd")).toBe("a\nb\nc\nd");
    // a soft break (Word's Shift+Enter) stays apart from a line feed (Alt+Enter)
    expect(normalizeCellText("Dòng 1\u000BDòng 2")).toBe(`Dòng 1${SOFT_BREAK}Dòng 2`);
    expect(SOFT_BREAK).toBe("\u2028");
    expect(normalizeCellText("a\r\n\r\nb")).toBe("a\n\nb");
  });

  it("keeps tabs", () => {
    expect(normalizeCellText("Số\t05")).toBe("Số\t05");
  });

  it("removes the other C0 controls and the C1 controls", () => {
    const c0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => !"\t\n\r\u000B".includes(c));
    const c1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
    for (const c of [...c0, ...c1]) expect(normalizeCellText(`a${c}b`)).toBe("ab");
  });

  it("removes U+FFFE, U+FFFF and lone surrogates, and keeps surrogate pairs", () => {
    expect(normalizeCellText("a\uFFFEb\uFFFFc")).toBe("abc");
    expect(normalizeCellText("a\uD83Db")).toBe("ab");
    expect(normalizeCellText("a\uDE00b")).toBe("ab");
    expect(normalizeCellText("\uDE00\uD83D")).toBe("");
    expect(normalizeCellText("a😀b\uD83D")).toBe("a😀b");
  });

  it("keeps the soft hyphen (ư in TCVN3 text) and ordinary text as it is", () => {
    expect(normalizeCellText("Tr\u00ADêng")).toBe("Tr\u00ADêng");
    expect(normalizeCellText("Cộng hòa xã hội chủ nghĩa Việt Nam")).toBe("Cộng hòa xã hội chủ nghĩa Việt Nam");
  });

  it("never returns a character XML 1.0 forbids", () => {
    let all = "";
    for (let i = 0; i < 0x10000; i++) all += String.fromCharCode(i);
    const out = normalizeCellText(all + decodeXlsxEscapes("_x0000__x0001__xFFFF__xD800_"));
    expect(out).toMatch(XML_CHAR);
    expect(out).not.toMatch(/\r/);
  });
});
