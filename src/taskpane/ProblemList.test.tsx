/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { groupProblems, ProblemList } from "./ProblemList";
import { ERROR_COUNT, ERROR_INFO, MIXED, OTHER_UNIT_WARNING, UNIT_ERROR, WARNING_INFO, WARNING_TASKS } from "./testing";

describe("groupProblems", () => {
  test("groups by sheet, sheets in order of their first problem, errors first inside each", () => {
    // a warning listed before the errors still comes after them
    const groups = groupProblems([WARNING_INFO, WARNING_TASKS, ERROR_COUNT, ERROR_INFO]);
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings])).toEqual([
      ["I. Kết quả", 1, 0],
      ["Thông tin chung", 1, 1],
      ["III. Nhiệm vụ", 0, 1],
    ]);
    expect(groups[1].problems).toEqual([ERROR_INFO, WARNING_INFO]);
  });

  test("unit sheets come after the other sheets, in workbook order, named by their unit", () => {
    const units = [
      { sheet: "Xã Hòa Phong", unitName: "Xã Hòa Phong", position: 7 },
      { sheet: "Phường Dị Sử", unitName: "Phường Dị Sử (P. Dị Sử cũ)", position: 9 },
    ];
    const groups = groupProblems([UNIT_ERROR, ERROR_COUNT, OTHER_UNIT_WARNING, WARNING_TASKS], units);
    expect(groups.map((g) => [g.sheet, g.unitName])).toEqual([
      ["I. Kết quả", undefined],
      ["III. Nhiệm vụ", undefined],
      ["Xã Hòa Phong", "Xã Hòa Phong"],
      ["Phường Dị Sử", "Phường Dị Sử (P. Dị Sử cũ)"],
    ]);
  });

  test("a unit whose sheet name differs from its name shows both", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ProblemList problems={[UNIT_ERROR]} units={[{ sheet: "Phường Dị Sử", unitName: "Phường Dị Sử (P. Dị Sử cũ)", position: 9 }]} onSelect={jest.fn()} />
      </FluentProvider>,
    );
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("Đơn vị: Phường Dị Sử (P. Dị Sử cũ) — trang Phường Dị Sử (1 lỗi)");
  });

  test("nothing to group gives no group", () => {
    expect(groupProblems([])).toEqual([]);
  });
});

describe("ProblemList", () => {
  function renderList(onSelect = jest.fn(), disabled = false) {
    render(
      <FluentProvider theme={webLightTheme}>
        <ProblemList problems={MIXED} onSelect={onSelect} disabled={disabled} />
      </FluentProvider>,
    );
    return { onSelect, user: userEvent.setup() };
  }

  test("is reachable with Tab, moves with the arrow keys and selects with Enter and Space", async () => {
    const { onSelect, user } = renderList();
    await user.tab();
    expect(document.activeElement?.getAttribute("aria-label")).toBe(`Lỗi, ô C6: ${ERROR_INFO.message}`);
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.getAttribute("aria-label")).toBe(`Cảnh báo, ô C4: ${WARNING_INFO.message}`);
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenLastCalledWith(WARNING_INFO);
    await user.keyboard("{ArrowDown}");
    await user.keyboard(" ");
    expect(onSelect).toHaveBeenLastCalledWith(ERROR_COUNT);
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  test("while a command runs the entries cannot be used", async () => {
    const { onSelect, user } = renderList(jest.fn(), true);
    const entries = screen.getAllByRole("button");
    expect(entries).toHaveLength(4);
    expect(entries.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await user.click(entries[0]);
    expect(onSelect).not.toHaveBeenCalled();
  });

  test("shows the severity as a word beside the icon, not only as a colour", () => {
    renderList();
    expect(screen.getAllByText("Lỗi")).toHaveLength(2);
    expect(screen.getAllByText("Cảnh báo")).toHaveLength(2);
    // the icons are decorative
    for (const svg of document.querySelectorAll("button svg")) expect(svg.getAttribute("aria-hidden")).toBe("true");
  });
});
