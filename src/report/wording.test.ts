import { sampleData } from "./sample";
import {
  closingMark,
  fillTemplate,
  formatCount,
  formatDateLine,
  formatKinhGui,
  formatNoiNhan,
  formatSoKyHieu,
  hasBullet,
  singleLine,
  splitLines,
  valueText,
  withBullet,
} from "./wording";

describe("formatCount", () => {
  it("pads to the field's number of digits", () => {
    expect(formatCount(0, 2)).toBe("00");
    expect(formatCount(5, 2)).toBe("05");
    expect(formatCount(12, 2)).toBe("12");
    expect(formatCount(123, 2)).toBe("123");
  });
  it("does not pad with a pad of 0 or 1", () => {
    expect(formatCount(0, 0)).toBe("0");
    expect(formatCount(0, 1)).toBe("0");
    expect(formatCount(7, 0)).toBe("7");
    expect(formatCount(0, 0)).not.toBe("00");
  });
  it("keeps the sign in front and writes decimals with a comma", () => {
    expect(formatCount(-5, 2)).toBe("-05");
    expect(formatCount(1.5, 2)).toBe("01,5");
  });
  it("rejects a value that is not a number", () => {
    expect(() => formatCount(Number.NaN, 2)).toThrow(RangeError);
    expect(() => formatCount(Infinity, 2)).toThrow(RangeError);
  });
});

describe("formatDateLine", () => {
  it("pads a day under 10 and the months 1 and 2", () => {
    expect(formatDateLine("Mỹ Hào", 5, 1, 2025)).toBe("Mỹ Hào, ngày 05 tháng 01 năm 2025");
    expect(formatDateLine("Mỹ Hào", 9, 2, 2025)).toBe("Mỹ Hào, ngày 09 tháng 02 năm 2025");
  });
  it("does not pad other months nor days from 10", () => {
    expect(formatDateLine("Mỹ Hào", 29, 6, 2024)).toBe("Mỹ Hào, ngày 29 tháng 6 năm 2024");
    expect(formatDateLine("Mỹ Hào", 10, 3, 2024)).toBe("Mỹ Hào, ngày 10 tháng 3 năm 2024");
    expect(formatDateLine("Mỹ Hào", 31, 12, 2024)).toBe("Mỹ Hào, ngày 31 tháng 12 năm 2024");
    expect(formatDateLine("Mỹ Hào", 1, 3, 2024)).not.toContain("tháng 03");
  });
  it("leaves a blank of six spaces for an unsigned day", () => {
    expect(formatDateLine("Mỹ Hào", null, 11, 2024)).toBe("Mỹ Hào, ngày      tháng 11 năm 2024");
    expect(formatDateLine("Mỹ Hào", null, 1, 2025)).toBe("Mỹ Hào, ngày      tháng 01 năm 2025");
  });
  it("trims the place and copes without one", () => {
    expect(formatDateLine("  Hưng Yên ", 15, 7, 2024)).toBe("Hưng Yên, ngày 15 tháng 7 năm 2024");
    expect(formatDateLine("", 15, 7, 2024)).toBe("ngày 15 tháng 7 năm 2024");
  });
});

describe("formatSoKyHieu", () => {
  it("pads a number under 10 and upper-cases the symbol", () => {
    expect(formatSoKyHieu("5", "BC-UBND")).toBe("Số: 05/BC-UBND");
    expect(formatSoKyHieu("05", "bc-ubnd")).toBe("Số: 05/BC-UBND");
    expect(formatSoKyHieu("123", "BC-UBND")).toBe("Số: 123/BC-UBND");
    expect(formatSoKyHieu("10", "BC-UBND")).toBe("Số: 10/BC-UBND");
  });
  it("leaves a blank of six spaces for the clerk", () => {
    expect(formatSoKyHieu("", "BC-UBND")).toBe("Số:      /BC-UBND");
    expect(formatSoKyHieu("   ", "BC-UBND")).toBe("Số:      /BC-UBND");
  });
  it("keeps a number that is not only digits and does not double a typed slash", () => {
    expect(formatSoKyHieu("5a", "BC-UBND")).toBe("Số: 5a/BC-UBND");
    expect(formatSoKyHieu("7", "/bc-ubnd")).toBe("Số: 07/BC-UBND");
    expect(formatSoKyHieu("7", "/bc-ubnd")).not.toContain("//");
  });
  it("upper-cases Vietnamese letters of the symbol", () => {
    expect(formatSoKyHieu("3", "bc-đtn")).toBe("Số: 03/BC-ĐTN");
  });
});

describe("fillTemplate", () => {
  const trichYeu = "Tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng {THANG} năm {NAM} {DIA_BAN}";
  it("fills the trích yếu of the sample", () => {
    expect(fillTemplate(trichYeu, sampleData())).toBe(
      "Tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 11 năm 2024 trên địa bàn thị xã Mỹ Hào",
    );
  });
  it("leaves no double space for a blank value", () => {
    expect(fillTemplate("tháng {THANG} năm {NAM} {DIA_BAN}", { values: { THANG: 3, NAM: 2025, DIA_BAN: null } })).toBe("tháng 3 năm 2025");
  });
  it("keeps a placeholder whose field is not in the data, so the mistake shows", () => {
    expect(fillTemplate("tháng {THANG} {KHONG_CO}", { values: { THANG: 3 } })).toBe("tháng 3 {KHONG_CO}");
  });
  it("writes lists joined with spaces", () => {
    expect(valueText(["ỦY BAN NHÂN DÂN", " THỊ XÃ MỸ HÀO "])).toBe("ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO");
    expect(valueText(null)).toBe("");
  });
});

describe("closingMark", () => {
  it("adds '/.' after a final period", () => {
    expect(closingMark("theo quy định của pháp luật.")).toBe("theo quy định của pháp luật./.");
  });
  it("leaves a text that already ends with './.'", () => {
    expect(closingMark("theo quy định của pháp luật./.")).toBe("theo quy định của pháp luật./.");
    expect(closingMark("xong./.  ")).toBe("xong./.");
  });
  it("adds './.' otherwise, replacing a final ';' or ','", () => {
    expect(closingMark("theo quy định")).toBe("theo quy định./.");
    expect(closingMark("theo quy định;")).toBe("theo quy định./.");
    expect(closingMark("theo quy định,")).toBe("theo quy định./.");
    expect(closingMark("như sau:")).toBe("như sau:./.");
  });
  it("does not mark an empty text", () => {
    expect(closingMark("")).toBe("");
  });
});

describe("bullets", () => {
  it("adds the bullet and one space", () => {
    expect(withBullet("Như trên;", "-")).toBe("- Như trên;");
    expect(withBullet("  Số lượng TTHC: 00 TTHC.", "+")).toBe("+ Số lượng TTHC: 00 TTHC.");
  });
  it("does not add a second bullet to a line that has one", () => {
    expect(withBullet("- Như trên;", "-")).toBe("- Như trên;");
    expect(withBullet("+ Số lượng", "-")).toBe("+ Số lượng");
    expect(withBullet("– Gạch của Word", "-")).toBe("– Gạch của Word");
    expect(hasBullet("- a")).toBe(true);
  });
  it("still bullets a line that only starts with a minus sign or a word", () => {
    expect(hasBullet("-5 hồ sơ")).toBe(false);
    expect(withBullet("-5 hồ sơ", "-")).toBe("- -5 hồ sơ");
    expect(hasBullet("Không có")).toBe(false);
  });
  it("returns the line without a bullet when none is asked", () => {
    expect(withBullet(" Đề nghị UBND tỉnh ", undefined)).toBe("Đề nghị UBND tỉnh");
    expect(withBullet("", "-")).toBe("");
  });
});

describe("Kính gửi and Nơi nhận", () => {
  it("keeps a single recipient on the Kính gửi line, ending with '.'", () => {
    expect(formatKinhGui(["Văn phòng UBND tỉnh Hưng Yên"])).toEqual(["Kính gửi: Văn phòng UBND tỉnh Hưng Yên."]);
    expect(formatKinhGui(["Văn phòng UBND tỉnh Hưng Yên;"])).toEqual(["Kính gửi: Văn phòng UBND tỉnh Hưng Yên."]);
  });
  it("lists several recipients with '- ', ';' and a final '.'", () => {
    expect(formatKinhGui(["Sở Nội vụ", "- Văn phòng UBND tỉnh.", " ", "Sở Tư pháp;"])).toEqual([
      "Kính gửi:",
      "- Sở Nội vụ;",
      "- Văn phòng UBND tỉnh;",
      "- Sở Tư pháp.",
    ]);
  });
  it("writes each Nơi nhận line exactly as typed after '- '", () => {
    expect(formatNoiNhan(["Như trên;", "- Trung tâm PVHCC;", "Chủ tịch, các Phó Chủ tịch UBND thị xã", "", "Lưu: VT."])).toEqual([
      "- Như trên;",
      "- Trung tâm PVHCC;",
      "- Chủ tịch, các Phó Chủ tịch UBND thị xã",
      "- Lưu: VT.",
    ]);
  });
});

describe("line breaks typed in a cell", () => {
  it("gives one line per break in a list, dropping blank lines", () => {
    expect(splitLines(["Như trên;\nLưu: VT.", "  ", "Sở A;\r\n\r\nSở B"])).toEqual(["Như trên;", "Lưu: VT.", "Sở A;", "Sở B"]);
    expect(splitLines([])).toEqual([]);
  });
  it("becomes a space in a single-line text", () => {
    expect(singleLine("Thực hiện Công văn\n số 323 ")).toBe("Thực hiện Công văn số 323");
    expect(singleLine("không xuống dòng")).toBe("không xuống dòng");
  });
});
