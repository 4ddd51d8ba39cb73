import { readdirSync, readFileSync } from "fs";
import path from "path";

/** Every JSON file of templates/: the definitions and samples of every report kind. */
const TEMPLATES = path.join(__dirname, "..", "..", "templates");
const templateJson = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(path.join(TEMPLATES, f), "utf8")) as unknown);
import {
  convertLegacy,
  convertTcvn3,
  convertVni,
  detectLegacyEncoding,
  isTcvn3CapitalsFont,
  isVietnameseSyllable,
  toTcvn3,
  toVni,
  VIETNAMESE_LETTERS,
} from "./legacy-vn";

const LOWER = VIETNAMESE_LETTERS;
const UPPER = LOWER.map((l) => l.toUpperCase());
/** The capitals TCVN3 has codes for (all others exist only in the capitals fonts). */
const TCVN3_CAPITALS = ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"];

const SENTENCES: [unicode: string, tcvn3: string, vni: string][] = [
  ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"],
  ["Độc lập - Tự do - Hạnh phúc", "§éc lËp - Tù do - H¹nh phóc", "Ñoäc laäp - Töï do - Haïnh phuùc"],
  // TCVN3 has no "Ủ" outside the capitals fonts: old documents wrote "Uỷ ban" (see below)
  ["Uỷ ban nhân dân thị xã Mỹ Hào", "Uû ban nh©n d©n thÞ x· Mü Hµo", "Uyû ban nhaân daân thò xaõ Myõ Haøo"],
  ["Trường Sa, Hoàng Sa", "Tr\u00ADêng Sa, Hoµng Sa", "Tröôøng Sa, Hoaøng Sa"],
];

/** Every string in a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === "object") return Object.values(v).flatMap(strings);
  return [];
}

describe("the letter tables", () => {
  it("cover 67 lower-case letters and their 67 capitals", () => {
    expect(new Set(LOWER).size).toBe(67);
    expect(new Set(UPPER).size).toBe(67);
    expect(LOWER).toContain("đ");
    expect(LOWER).toContain("ự");
    for (const l of [...LOWER, ...UPPER]) expect(l).toBe(l.normalize("NFC"));
  });

  it.each(LOWER)("TCVN3: %s round-trips as a single byte", (letter) => {
    const code = toTcvn3(letter);
    expect(code).toHaveLength(1);
    expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
    expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
    expect(convertTcvn3(code)).toBe(letter);
  });

  it.each(UPPER)("TCVN3: %s round-trips (its own code, or the lower-case code in a capitals font)", (letter) => {
    if (TCVN3_CAPITALS.includes(letter)) {
      expect(convertTcvn3(toTcvn3(letter))).toBe(letter);
    } else {
      expect(() => toTcvn3(letter)).toThrow(RangeError);
    }
    const code = toTcvn3(letter, { capitals: true });
    expect(code).toBe(toTcvn3(letter.toLowerCase()));
    expect(convertTcvn3(code, { capitals: true })).toBe(letter);
  });

  it("TCVN3: every letter has its own code", () => {
    const codes = LOWER.map((l) => toTcvn3(l)).concat(TCVN3_CAPITALS.map((l) => toTcvn3(l)));
    expect(new Set(codes).size).toBe(67 + 7);
  });

  it.each([...LOWER, ...UPPER])("VNI: %s round-trips", (letter) => {
    const spelling = toVni(letter);
    expect(spelling).toMatch(/^[\x20-\x7E\u00C0-\u00FF]{1,2}$/);
    expect(convertVni(spelling)).toBe(letter);
    expect(convertLegacy(spelling, "vni")).toBe(letter);
  });

  it("VNI: every letter has its own spelling, in the case of the letter", () => {
    const spellings = [...LOWER, ...UPPER].map(toVni);
    expect(new Set(spellings).size).toBe(134);
    for (const l of LOWER) expect(toVni(l.toUpperCase())).toBe(toVni(l).toUpperCase());
  });

  it("spot checks against the code charts", () => {
    // TCVN3: ư is the soft hyphen 0xAD, đ 0xAE, Đ 0xA7, ệ 0xD6
    expect(toTcvn3("ư")).toBe("\u00AD");
    expect(toTcvn3("đĐ")).toBe("\u00AE\u00A7");
    expect(toTcvn3("ệ")).toBe("\u00D6");
    expect(toTcvn3("àảãáạ")).toBe("µ¶·¸¹");
    expect(toTcvn3("ỳỷỹýỵ")).toBe("úûüýþ");
    // VNI: á = aù, ấ = aá, ắ = aé, ơ = ô, ư = ö, đ = ñ, ị = ò, ỵ = î
    expect(toVni("á ấ ắ ơ ư đ Đ ị ỵ")).toBe("aù aá aé ô ö ñ Ñ ò î");
    expect(toVni("Ẳ Ỉ Ĩ")).toBe("AÚ Æ Ó");
  });
});

describe("sentences", () => {
  it.each(SENTENCES)("%s ⇄ TCVN3 and VNI", (unicode, tcvn3, vni) => {
    expect(toTcvn3(unicode)).toBe(tcvn3);
    expect(convertTcvn3(tcvn3)).toBe(unicode);
    expect(toVni(unicode)).toBe(vni);
    expect(convertVni(vni)).toBe(unicode);
    expect(convertLegacy(tcvn3, "tcvn3")).toBe(unicode);
  });

  it("Ủy ban nhân dân thị xã Mỹ Hào: VNI both ways; TCVN3 only in a capitals font, or spelt Uỷ", () => {
    const unicode = "Ủy ban nhân dân thị xã Mỹ Hào";
    expect(toVni(unicode)).toBe("UÛy ban nhaân daân thò xaõ Myõ Haøo");
    expect(convertVni("UÛy ban nhaân daân thò xaõ Myõ Haøo")).toBe(unicode);
    expect(() => toTcvn3(unicode)).toThrow(/"Ủ" has no TCVN3 code/);
    expect(toTcvn3(unicode, { capitals: true })).toBe("ñy ban nh©n d©n thÞ x· Mü Hµo");
    expect(convertTcvn3("ñy ban nh©n d©n thÞ x· Mü Hµo", { capitals: true })).toBe(unicode.toUpperCase());
    expect(convertTcvn3("ñy ban nh©n d©n thÞ x· Mü Hµo")).toBe("ủy ban nhân dân thị xã Mỹ Hào");
  });

  it("upper-cases text of a capitals font (.VnTimeH)", () => {
    expect(convertTcvn3("ñy ban nh©n d©n", { capitals: true })).toBe("ỦY BAN NHÂN DÂN");
    expect(convertLegacy("Céng hßa", "tcvn3", { capitals: true })).toBe("CỘNG HÒA");
    expect(toTcvn3("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { capitals: true })).toBe("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM");
  });

  it("writes NFC even when given NFD", () => {
    const nfd = "Việt Nam".normalize("NFD");
    expect(toTcvn3(nfd)).toBe("ViÖt Nam");
    expect(toVni(nfd)).toBe("Vieät Nam");
    for (const [u, t, v] of SENTENCES) {
      expect(convertTcvn3(t)).toBe(u.normalize("NFC"));
      expect(convertVni(v)).toBe(u.normalize("NFC"));
    }
  });

  it("replaces the longest VNI spelling first", () => {
    expect(convertVni("ôù")).toBe("ớ");
    expect(convertVni("oâ")).toBe("ô");
    expect(convertVni("ô")).toBe("ơ");
    expect(convertVni("Tröôøng")).toBe("Trường");
    expect(convertVni("Nguyeãn Quoác Khaùnh")).toBe("Nguyễn Quốc Khánh");
  });

  it("leaves characters outside the tables alone", () => {
    expect(convertTcvn3("So 12/2024 (TT), A-Z.")).toBe("So 12/2024 (TT), A-Z.");
    expect(convertTcvn3("Số 12")).toBe("Số 12"); // ố is not a TCVN3 code: left as it is
    expect(convertVni("12/2024 - A; B.")).toBe("12/2024 - A; B.");
    expect(toVni("Số: 05/BC-UBND")).toBe("Soá: 05/BC-UBND");
  });
});

describe("isVietnameseSyllable", () => {
  it.each(["Việt", "Nam", "nghĩa", "Trường", "quốc", "Nguyễn", "khuyên", "Ủy", "gì", "giêng", "hòa", "oái", "xoăn"])("%s is one", (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(["ViÖt", "Vieät", "Müller", "hôtel", "chuù", "Tr\u00ADêng", "hèt", "vieêt", "Viềt", "aă"])("%s is not", (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});

describe("detectLegacyEncoding", () => {
  it("trusts the font first", () => {
    expect(detectLegacyEncoding("ViÖt Nam", ".VnTime")).toBe("tcvn3");
    expect(detectLegacyEncoding("Hµ Néi", ".VnArial")).toBe("tcvn3");
    expect(detectLegacyEncoding("viöt nam", ".VnTimeH")).toBe("tcvn3");
    expect(detectLegacyEncoding("Vieät Nam", "VNI-Times")).toBe("vni");
    expect(detectLegacyEncoding("Ha Noi", "VNI-Helve")).toBe("vni");
    expect(isTcvn3CapitalsFont(".VnTimeH")).toBe(true);
    expect(isTcvn3CapitalsFont(".VnArial NarrowH")).toBe(true);
    expect(isTcvn3CapitalsFont(".VnTime")).toBe(false);
    expect(isTcvn3CapitalsFont("VNI-Times")).toBe(false);
  });

  it("says Unicode for text with a letter only Unicode has, whatever the font", () => {
    expect(detectLegacyEncoding("Việt Nam", ".VnTime")).toBeNull();
    expect(detectLegacyEncoding("Đà Nẵng", "VNI-Times")).toBeNull();
    expect(detectLegacyEncoding("Vie\u0302\u0323t Nam", ".VnTime")).toBeNull();
  });

  it.each(SENTENCES)("finds the encoding of %s from the characters alone", (_u, tcvn3, vni) => {
    expect(detectLegacyEncoding(tcvn3)).toBe("tcvn3");
    expect(detectLegacyEncoding(vni)).toBe("vni");
    expect(detectLegacyEncoding(tcvn3, "Times New Roman")).toBe("tcvn3");
    expect(detectLegacyEncoding(vni, "Arial")).toBe("vni");
  });

  it("finds short legacy texts", () => {
    expect(detectLegacyEncoding("ViÖt Nam")).toBe("tcvn3");
    expect(detectLegacyEncoding("Vieät Nam")).toBe("vni");
    expect(detectLegacyEncoding("Tr\u00ADêng")).toBe("tcvn3");
    expect(detectLegacyEncoding("B¸o c¸o th¸ng")).toBe("tcvn3");
    expect(detectLegacyEncoding("Baùo caùo thaùng")).toBe("vni");
  });

  it("takes the workbook's encoding for a short text that fits both as well", () => {
    expect(detectLegacyEncoding("Löu: VT.")).toBeNull(); // VNI "Lưu", or TCVN3 "Lửu"
    expect(detectLegacyEncoding("Löu: VT.", undefined, "vni")).toBe("vni");
    expect(detectLegacyEncoding("Löu: VT.", undefined, "tcvn3")).toBe("tcvn3");
    expect(detectLegacyEncoding("Vieät Nam", undefined, "tcvn3")).toBe("vni");
    expect(detectLegacyEncoding("Việt Nam", undefined, "tcvn3")).toBeNull();
  });

  it("says null for ASCII, empty and Latin-1 text that reads the same either way", () => {
    expect(detectLegacyEncoding("")).toBeNull();
    expect(detectLegacyEncoding("BC-UBND 05/2024")).toBeNull();
    expect(detectLegacyEncoding("Ha Noi")).toBeNull();
  });

  it("raises no false alarm on the project's own Vietnamese texts", () => {
    const texts = templateJson.flatMap((json) => strings(json));
    expect(texts.length).toBeGreaterThan(50);
    const alarms = texts.filter((t) => detectLegacyEncoding(t) !== null);
    expect(alarms).toEqual([]);
    // nor on each of their words alone, nor on their NFD form
    const words = [...new Set(texts.flatMap((t) => t.split(/\s+/)))];
    expect(words.filter((w) => detectLegacyEncoding(w) !== null)).toEqual([]);
    expect(texts.filter((t) => detectLegacyEncoding(t.normalize("NFD")) !== null)).toEqual([]);
  });

  it.each([
    "Hội thảo với chuyên gia Müller (Köln, Đức) về chuyển đổi số",
    "Đoàn công tác thăm São Paulo và Bogotá; gặp ông José Núñez",
    "Khách sạn Hôtel Métropole, phố Ngô Quyền",
    "Tôi là ai",
    "Cô ấy nói: « Merci, à bientôt ! »",
    "Müller",
    "Köln",
    "Hôtel Métropole",
    "São Paulo",
    "José Núñez",
    "Señora Peña, España",
    "Crème brûlée, déjà vu, naïve, Noël, garçon",
    "Zürich, Düsseldorf, Österreich, schön, über, Straße",
    "Côte d'Ivoire",
    "25°C ± 2, ½ số hồ sơ",
    "Bụi mịn PM2.5: 35 µg/m³, hạt 10 µm",
    "5 µm",
    "x · y, a × b, «Paris», Windows®, ©Microsoft",
    "·",
    "«ok»",
    "Tô Lâm",
    "Bà Nà",
    "Mê Kông",
    "Cà Mau",
    "Hà Giang",
    "Bảo Lâm",
  ])("raises no false alarm on %j", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });
});
