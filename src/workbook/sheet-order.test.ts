import { plannedSheetOrder, positionChanges } from "./sheet-order";

const std = ["Thông tin chung", "I. Kết quả"];

describe("sheet order of a roll-up", () => {
  it("adds missing bookends after the last standard sheet, around the units", () => {
    expect(plannedSheetOrder([...std, "Xã A", "Ghi chú", "Xã B"], new Set(["Xã A", "Xã B"]), "I. Kết quả")).toEqual([
      ...std,
      "DonViDau",
      "Xã A",
      "Xã B",
      "DonViCuoi",
      "Ghi chú",
    ]);
  });

  it("brings a unit that drifted outside back in and moves a foreign sheet out", () => {
    const current = [...std, "DonViDau", "Xã A", "Ghi chú", "DonViCuoi", "Xã Muộn"];
    expect(plannedSheetOrder(current, new Set(["Xã A", "Xã Muộn"]))).toEqual([...std, "DonViDau", "Xã A", "Xã Muộn", "DonViCuoi", "Ghi chú"]);
  });

  it("leaves a correct order unchanged", () => {
    const current = [...std, "DonViDau", "Xã A", "DonViCuoi", "Ghi chú"];
    expect(plannedSheetOrder(current, new Set(["Xã A"]))).toEqual(current);
    expect(positionChanges(current, current)).toEqual([]);
  });

  it("turns an order into position assignments that reach it", () => {
    const current = ["a", "b", "c", "d"];
    const target = ["c", "a", "b", "d"];
    const moves = positionChanges(current, target);
    expect(moves).toEqual([{ sheet: "c", position: 0 }]);
    // replaying the moves as Excel does gives the target
    const now = [...current];
    for (const m of moves) {
      now.splice(now.indexOf(m.sheet), 1);
      now.splice(m.position, 0, m.sheet);
    }
    expect(now).toEqual(target);
  });
});
