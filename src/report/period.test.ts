/**
 * Period words in the texts an office keeps: which periods a text names, whether one is not the
 * report's, and the rewrite "Kỳ mới" makes of the old period's own words.
 */
import { namesOtherPeriod, periodMentions, rewritePeriodWords, type Period } from "./period";

const quy = (number: number, year: number): Period => ({ type: "quy", number, year });
const thang = (number: number, year: number): Period => ({ type: "thang", number, year });
const nua = (number: number, year: number): Period => ({ type: "6thang", number, year });
const nam = (year: number): Period => ({ type: "nam", number: 1, year });

const OPENING =
  "Thực hiện Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ, UBND phường Mỹ Hào báo cáo tình hình, kết quả giải quyết thủ tục hành chính quý III năm 2025 như sau:";

describe("the periods a text names", () => {
  it("finds quarters, months and halves with or without their year, in either spelling", () => {
    const found = periodMentions("quý III năm 2025; Quý 4/2025; tháng 11 năm 2024, tháng 01/2025, tháng 9; 6 tháng đầu năm 2025 và 6 tháng cuối năm");
    expect(found.map((m) => [m.text, m.type, m.number, m.year])).toEqual([
      ["quý III năm 2025", "quy", 3, 2025],
      ["Quý 4/2025", "quy", 4, 2025],
      ["tháng 11 năm 2024", "thang", 11, 2024],
      ["tháng 01/2025", "thang", 1, 2025],
      ["tháng 9", "thang", 9, undefined],
      ["6 tháng đầu năm 2025", "6thang", 1, 2025],
      ["6 tháng cuối năm", "6thang", 2, undefined],
    ]);
  });

  it("leaves out dates, comparisons, and a year alone unless asked for, never a law's year", () => {
    expect(periodMentions(OPENING).map((m) => m.text)).toEqual(["quý III năm 2025"]);
    expect(periodMentions("Căn cứ Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2025 và ngày 7/9/2023").map((m) => m.text)).toEqual([]);
    expect(periodMentions("tăng 5% so với quý II, giảm so với cùng kỳ năm 2024").map((m) => m.text)).toEqual([]);
    expect(periodMentions("báo cáo năm 2025").map((m) => m.text)).toEqual([]);
    expect(periodMentions("báo cáo năm 2025", true).map((m) => m.text)).toEqual(["năm 2025"]);
    const law = "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025, UBND xã báo cáo kết quả năm 2025";
    expect(periodMentions(law, true).map((m) => m.start)).toEqual([law.lastIndexOf("năm 2025")]);
  });

  it("judges a period other than the report's: another number or year of the same kind, or one that does not overlap", () => {
    const [q3, q3y, t10, t11, q4] = periodMentions("quý III; quý III năm 2024; tháng 10; tháng 11; quý IV");
    expect(namesOtherPeriod(q3, quy(4, 2025))).toBe(true);
    expect(namesOtherPeriod(q3, quy(3, 2025))).toBe(false);
    expect(namesOtherPeriod(q3y, quy(3, 2025))).toBe(true);
    expect(namesOtherPeriod(t10, thang(11, 2024))).toBe(true);
    expect(namesOtherPeriod(t11, thang(11, 2024))).toBe(false);
    // a month in the report's quarter, the quarter of the report's month: the report's own
    expect(namesOtherPeriod(t10, quy(4, 2025))).toBe(false);
    expect(namesOtherPeriod(q4, thang(11, 2024))).toBe(false);
    expect(namesOtherPeriod(q3, thang(11, 2024))).toBe(true);
    expect(namesOtherPeriod(q3, nua(2, 2025))).toBe(false);
    expect(namesOtherPeriod(q3, nua(1, 2025))).toBe(true);
  });
});

describe("Kỳ mới rewrites the old period's own words", () => {
  const LAW = "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025, UBND xã báo cáo kết quả";
  it.each<[string, Period, Period, string, number]>([
    [OPENING, quy(3, 2025), quy(4, 2025), OPENING.replace("quý III năm 2025", "quý IV năm 2025"), 1],
    ["Báo cáo Quý IV/2025 và quý IV", quy(4, 2025), quy(1, 2026), "Báo cáo Quý I/2026 và quý I", 2],
    ["kết quả quý 3 năm 2025", quy(3, 2025), quy(4, 2025), "kết quả quý 4 năm 2025", 1],
    ["báo cáo tháng 11 năm 2024 như sau:", thang(11, 2024), thang(12, 2024), "báo cáo tháng 12 năm 2024 như sau:", 1],
    ["tháng 12 năm 2024 và tháng 12/2024", thang(12, 2024), thang(1, 2025), "tháng 1 năm 2025 và tháng 1/2025", 2],
    ["số liệu tháng 09/2025", thang(9, 2025), thang(10, 2025), "số liệu tháng 10/2025", 1],
    ["kết quả 6 tháng đầu năm 2025", nua(1, 2025), nua(2, 2025), "kết quả 6 tháng cuối năm 2025", 1],
    ["6 tháng cuối năm 2025, 6 tháng cuối năm", nua(2, 2025), nua(1, 2026), "6 tháng đầu năm 2026, 6 tháng đầu năm", 2],
    [`${LAW} năm 2025`, nam(2025), nam(2026), `${LAW} năm 2026`, 1],
    ["BÁO CÁO 6 THÁNG ĐẦU NĂM 2025, QUÝ II/2025", nua(1, 2025), nua(2, 2025), "BÁO CÁO 6 THÁNG CUỐI NĂM 2025, QUÝ II/2025", 1],
    ["BÁO CÁO QUÝ IV NĂM 2025, Tháng 12", quy(4, 2025), quy(1, 2026), "BÁO CÁO QUÝ I NĂM 2026, Tháng 12", 1],
  ])("%s (%j → %j)", (text, from, to, expected, count) => {
    const r = rewritePeriodWords(text, from, to);
    expect(r.text).toBe(expected);
    expect(r.rewrites).toHaveLength(count);
    for (const w of r.rewrites) {
      expect(text).toContain(w.from);
      expect(expected).toContain(w.to);
    }
  });

  it("lists each rewrite, the words as they were and as they are now", () => {
    expect(rewritePeriodWords("Quý IV/2025 và quý IV năm 2025", quy(4, 2025), quy(1, 2026)).rewrites).toEqual([
      { from: "Quý IV/2025", to: "Quý I/2026" },
      { from: "quý IV năm 2025", to: "quý I năm 2026" },
    ]);
  });

  it("leaves dates, comparisons and other periods as they are", () => {
    const text = "ngày 15 tháng 11 năm 2024, so với tháng 11 năm 2023, kế hoạch tháng 12";
    expect(rewritePeriodWords(text, thang(11, 2024), thang(12, 2024))).toEqual({ text, rewrites: [] });
    expect(rewritePeriodWords("quý III năm 2024", quy(3, 2025), quy(4, 2025)).rewrites).toEqual([]);
  });
});
