/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { groupProblems, ProblemList } from "./ProblemList";
import { ERROR_COUNT, ERROR_INFO, MIXED, WARNING_INFO, WARNING_TASKS } from "./testing";

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
