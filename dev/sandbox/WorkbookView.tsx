/**
 * The simulated workbook as a person sees Excel: a formula bar (address of the selected cell,
 * its formula or value), the grid of the active sheet (values, fills, fonts, borders, merges,
 * column widths; the selected cell outlined) and the sheet tabs. Cells can be edited: select
 * a cell and type (or F2 / double-click to edit what is there, or type in the formula bar);
 * Enter or Tab commits like a paste (setCellValue with force: Excel's data validation does
 * not stop it), Escape cancels.
 *
 * It reads the simulated model directly and re-renders after every change of the workbook
 * (workbook.onChange: after each sync that wrote, and after each cell typed here). The text
 * being edited lives in a small store of its own, so a keystroke re-renders only the editor
 * and the formula bar, never the grid.
 *
 * Keyboard focus sits in an invisible input over the selected cell (as web spreadsheets do):
 * whatever produces text there — a key, a Vietnamese input method (Unikey, Telex), a paste —
 * starts editing the cell, and the input becomes the visible editor.
 */
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from "react";
import { flushSync } from "react-dom";
import { cellAddress, columnLetters, PROTECTED_SHEET_MESSAGE, type Rect, type SimSheet } from "../excel-sim";
import { saveWorkbook, sim } from "./boot";
import { cellStyle, displayText, gridExtent, PX_PER_PT, rawContent } from "./cells";

/** The cell being edited (the text is in editText). */
interface Editing {
  sheetId: string;
  row: number;
  col: number;
}

/** The text being edited, shared by the in-cell editor and the formula bar. */
const editText = (() => {
  let text = "";
  const listeners = new Set<() => void>();
  return {
    get: () => text,
    set(t: string) {
      text = t;
      listeners.forEach((l) => l());
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
})();

const useEditText = () => useSyncExternalStore(editText.subscribe, editText.get);

const ROW_HEADER_PX = 44;

function single(row: number, col: number): Rect {
  return { r1: row, c1: col, r2: row, c2: col };
}

/**
 * Scrolls the grid so that the cell is visible beside the sticky row and column headers (a
 * cell wider or taller than the view shows its top-left corner).
 */
function scrollIntoGrid(grid: HTMLElement, cell: HTMLElement): void {
  const g = grid.getBoundingClientRect();
  const c = cell.getBoundingClientRect();
  const header = grid.querySelector("thead")?.getBoundingClientRect().height ?? 0;
  const left = c.left - g.left + grid.scrollLeft - ROW_HEADER_PX;
  const top = c.top - g.top + grid.scrollTop - header;
  const width = grid.clientWidth - ROW_HEADER_PX;
  const height = grid.clientHeight - header;
  if (left < grid.scrollLeft || c.width > width) grid.scrollLeft = left;
  else if (left + c.width > grid.scrollLeft + width) grid.scrollLeft = left + c.width - width;
  if (top < grid.scrollTop || c.height > height) grid.scrollTop = top;
  else if (top + c.height > grid.scrollTop + height) grid.scrollTop = top + c.height - height;
}

interface EditorEvents {
  /** text typed into the idle input: editing starts with it */
  onStartTyping(text: string): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>, editing: boolean): void;
  onBlur(e: FocusEvent<HTMLInputElement>): void;
}

/** The input over the selected cell: invisible until something is typed, then the editor. */
function CellInput({
  address,
  editing,
  inputRef,
  events,
}: {
  address: string;
  editing: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  events: EditorEvents;
}) {
  const text = useEditText();
  return (
    <input
      ref={inputRef}
      className={editing ? "sb-editor" : "sb-editor sb-idle"}
      aria-label={editing ? `Sửa ô ${address}` : `Ô ${address}`}
      autoComplete="off"
      spellCheck={false}
      value={editing ? text : ""}
      onChange={(e) => (editing ? editText.set(e.target.value) : events.onStartTyping(e.target.value))}
      onKeyDown={(e) => events.onKeyDown(e, editing)}
      onBlur={editing ? events.onBlur : undefined}
    />
  );
}

interface GridTableProps {
  sheet: SimSheet;
  /** changes with every change of the workbook */
  version: number;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** the cell that receives typing: the selection's first cell, or the top-left of its merge */
  activeRow: number;
  activeCol: number;
  editing: Editing | null;
  editorRef: RefObject<HTMLInputElement | null>;
  editorEvents: EditorEvents;
  onCellMouseDown(e: MouseEvent<HTMLTableCellElement>, row: number, col: number): void;
  onCellDoubleClick(row: number, col: number): void;
}

/** The grid of one sheet; re-rendered only when the workbook, the selection or the edited cell changes. */
const GridTable = memo(function GridTable({
  sheet,
  r1,
  c1,
  r2,
  c2,
  activeRow,
  activeCol,
  editing,
  editorRef,
  editorEvents,
  onCellMouseDown,
  onCellDoubleClick,
}: GridTableProps) {
  const { rows, cols } = gridExtent(sheet);
  const colWidths = Array.from({ length: cols }, (_, c) => Math.round(sheet.columnWidth(c) * PX_PER_PT));
  const covered = new Set<string>();
  const mergeStarts = new Map<string, Rect>();
  for (const m of sheet.merges) {
    mergeStarts.set(`${m.r1},${m.c1}`, m);
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r},${c}`);
  }
  const inSelection = (r: number, c: number) => r >= r1 && r <= r2 && c >= c1 && c <= c2;
  return (
    <table className="sb-table" style={{ width: ROW_HEADER_PX + colWidths.reduce((a, b) => a + b, 0) }}>
      <colgroup>
        <col style={{ width: ROW_HEADER_PX }} />
        {colWidths.map((w, c) => (
          <col key={c} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="sb-corner" />
          {colWidths.map((_, c) => (
            <th key={c} scope="col" className={c >= c1 && c <= c2 ? "sb-colhead sb-head-on" : "sb-colhead"}>
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => {
          const explicit = sheet.rowHeights.get(r);
          const heightPx = Math.round((explicit ?? sheet.rowHeight(r)) * PX_PER_PT);
          const cells = [];
          for (let c = 0; c < cols; c++) {
            const key = `${r},${c}`;
            if (covered.has(key)) continue;
            const m = mergeStarts.get(key);
            const cell = sheet.cellAt(r, c);
            const address = cellAddress(r, c);
            const isAnchor = r === activeRow && c === activeCol;
            const isEditing = editing !== null && editing.row === r && editing.col === c;
            const classes = ["sb-cell"];
            if (isAnchor) classes.push("sb-anchor");
            else if (inSelection(r, c)) classes.push("sb-in-selection");
            if (!sheet.showGridlines) classes.push("sb-no-gridlines");
            cells.push(
              <td
                key={c}
                className={classes.join(" ")}
                colSpan={m ? m.c2 - m.c1 + 1 : undefined}
                rowSpan={m ? m.r2 - m.r1 + 1 : undefined}
                style={cellStyle(cell)}
                data-cell={address}
                data-anchor={isAnchor ? "true" : undefined}
                onMouseDown={(e) => onCellMouseDown(e, r, c)}
                onDoubleClick={() => onCellDoubleClick(r, c)}
              >
                {isAnchor && <CellInput address={address} editing={isEditing} inputRef={editorRef} events={editorEvents} />}
                {!isEditing && (
                  <div className="sb-text" style={explicit !== undefined ? { maxHeight: heightPx } : undefined}>
                    {displayText(cell)}
                  </div>
                )}
              </td>,
            );
          }
          return (
            <tr key={r} style={{ height: heightPx }}>
              <th scope="row" className={r >= r1 && r <= r2 ? "sb-rowhead sb-head-on" : "sb-rowhead"}>
                {r + 1}
              </th>
              {cells}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});

function FormulaBar({
  value,
  editing,
  inputRef,
  events,
  onStartEditing,
}: {
  value: string;
  editing: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  events: EditorEvents;
  onStartEditing(): void;
}) {
  const text = useEditText();
  return (
    <input
      ref={inputRef}
      className="sb-formula"
      aria-label="Thanh công thức"
      value={editing ? text : value}
      onChange={(e) => {
        if (!editing) onStartEditing();
        editText.set(e.target.value);
      }}
      onKeyDown={(e) => events.onKeyDown(e, true)}
      onBlur={events.onBlur}
    />
  );
}

export function WorkbookView() {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLInputElement>(null);
  /** set by the grid's own moves: the input over the new cell takes the focus after rendering */
  const wantFocus = useRef(false);

  useEffect(() => sim.workbook.onChange(() => bump()), []);

  const wb = sim.workbook;
  wb.ensureCalculated();
  const sheet: SimSheet | undefined = wb.activeSheet();
  const sel = sheet?.selection ?? single(0, 0);
  const merge = sheet?.mergeAt(sel.r1, sel.c1);
  const active = { row: merge ? merge.r1 : sel.r1, col: merge ? merge.c1 : sel.c1 };
  const activeCell = sheet ? sheet.cellAt(active.row, active.col) : null;
  const address = sel.r1 === sel.r2 && sel.c1 === sel.c2 ? cellAddress(sel.r1, sel.c1) : `${cellAddress(sel.r1, sel.c1)}:${cellAddress(sel.r2, sel.c2)}`;
  const editingHere = editing !== null && sheet !== undefined && editing.sheetId === sheet.id ? editing : null;

  // the selected cell stays in view (also when the pane selects it)
  useLayoutEffect(() => {
    const grid = gridRef.current;
    const el = grid?.querySelector<HTMLElement>('td[data-anchor="true"]');
    if (grid && el) scrollIntoGrid(grid, el);
  }, [sheet?.id, sel.r1, sel.c1]);

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    editorRef.current?.focus({ preventScroll: true });
  });

  // Handlers read the latest render through this ref, so the memoized grid gets stable ones.
  const latest = useRef({ sheet, active, editing, activeCell });
  latest.current = { sheet, active, editing, activeCell };

  const focusCell = useCallback(() => {
    wantFocus.current = true;
    bump();
  }, []);

  const select = useCallback(
    (s: SimSheet, row: number, col: number) => {
      sim.workbook.select(s, single(Math.max(0, row), Math.max(0, col)));
      saveWorkbook();
      focusCell();
    },
    [focusCell],
  );

  const commit = useCallback(() => {
    const e = latest.current.editing;
    if (!e) return;
    latest.current.editing = null;
    setEditing(null);
    const s = sim.workbook.sheetById(e.sheetId);
    if (!s) return;
    // a paste skips data validation, not the protection of a sheet
    if (s.protected) {
      window.alert(`Trang tính "${s.name}" đang được bảo vệ: không sửa được ô này. (${PROTECTED_SHEET_MESSAGE})`);
      return;
    }
    const result = sim.workbook.setCellValue(s.name, cellAddress(e.row, e.col), editText.get(), { force: true });
    if (!result.accepted) window.alert(result.message);
  }, []);

  const cancel = useCallback(() => {
    latest.current.editing = null;
    setEditing(null);
    focusCell();
  }, [focusCell]);

  /** Starts editing the active cell with this text (the caret at its end). */
  const startEditing = useCallback((text: string, focus: "cell" | "bar" = "cell") => {
    const { sheet: s, active: a } = latest.current;
    if (!s) return;
    editText.set(text);
    const e = { sheetId: s.id, row: a.row, col: a.col };
    latest.current.editing = e;
    flushSync(() => setEditing(e));
    if (focus === "cell") {
      const input = editorRef.current;
      input?.focus({ preventScroll: true });
      input?.setSelectionRange(text.length, text.length);
    }
  }, []);

  const moveBy = useCallback(
    (dr: number, dc: number) => {
      const { sheet: s, active: a } = latest.current;
      if (!s) return;
      const m = s.mergeAt(a.row, a.col);
      const row = dr > 0 && m ? m.r2 + dr : a.row + dr;
      const col = dc > 0 && m ? m.c2 + dc : a.col + dc;
      select(s, row, col);
    },
    [select],
  );

  /** Keys in the cell's input (idle or editing) and the formula bar; stable for the memoized grid. */
  const editorEvents = useRef<EditorEvents>({
    onStartTyping: (text) => startEditing(text),
    onKeyDown(e, isEditing) {
      const s = latest.current.sheet;
      if (!s) return;
      const step: [number, number] | null = e.key === "Enter" ? [e.shiftKey ? -1 : 1, 0] : e.key === "Tab" ? [0, e.shiftKey ? -1 : 1] : null;
      if (isEditing) {
        if (step) {
          e.preventDefault();
          commit();
          moveBy(...step);
        } else if (e.key === "Escape") {
          e.preventDefault();
          cancel();
        }
        return;
      }
      const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const move = step ?? arrows[e.key];
      if (move) {
        e.preventDefault();
        moveBy(...move);
      } else if (e.key === "F2") {
        e.preventDefault();
        const c = latest.current.activeCell;
        startEditing(c ? rawContent(c) : "");
      } else if (e.key === "Delete") {
        e.preventDefault();
        const a = latest.current.active;
        if (s.protected) window.alert(`Trang tính "${s.name}" đang được bảo vệ: không sửa được ô này. (${PROTECTED_SHEET_MESSAGE})`);
        else sim.workbook.setCellValue(s.name, cellAddress(a.row, a.col), "", { force: true });
      } else if (e.key === "Backspace") {
        e.preventDefault();
        startEditing("");
      }
      // any other key types into the input: onStartTyping
    },
    onBlur(e) {
      // moving between the cell's editor and the formula bar keeps editing; anything else commits
      if (e.relatedTarget === editorRef.current || e.relatedTarget === barRef.current) return;
      commit();
    },
  }).current;

  const onCellMouseDown = useCallback(
    (e: MouseEvent<HTMLTableCellElement>, row: number, col: number) => {
      const { sheet: s, editing: ed } = latest.current;
      if (!s) return;
      if (ed && ed.sheetId === s.id && ed.row === row && ed.col === col) return; // inside the editor
      e.preventDefault();
      commit();
      select(s, row, col);
    },
    [commit, select],
  );

  const onCellDoubleClick = useCallback(
    (row: number, col: number) => {
      const s = latest.current.sheet;
      if (!s) return;
      startEditing(rawContent(s.cellAt(row, col)));
    },
    [startEditing],
  );

  const onTab = (s: SimSheet) => {
    commit();
    sim.workbook.activate(s);
    saveWorkbook();
    focusCell();
  };

  if (!sheet) return <p>Sổ làm việc không có trang tính nào.</p>;
  const visibleSheets = wb.sheets.filter((s) => s.visibility === "Visible");

  return (
    <section className="sb-workbook" aria-label="Sổ làm việc mô phỏng">
      <div className="sb-formula-bar">
        <input className="sb-namebox" aria-label="Ô đang chọn" readOnly value={address} />
        <span className="sb-fx" aria-hidden="true">
          fx
        </span>
        <FormulaBar
          value={activeCell ? rawContent(activeCell) : ""}
          editing={editingHere !== null}
          inputRef={barRef}
          events={editorEvents}
          onStartEditing={() => startEditing(activeCell ? rawContent(activeCell) : "", "bar")}
        />
      </div>

      <div className="sb-grid" ref={gridRef} aria-label={`Trang tính ${sheet.name}`} data-sheet={sheet.name}>
        <GridTable
          sheet={sheet}
          version={version}
          r1={sel.r1}
          c1={sel.c1}
          r2={sel.r2}
          c2={sel.c2}
          activeRow={active.row}
          activeCol={active.col}
          editing={editingHere}
          editorRef={editorRef}
          editorEvents={editorEvents}
          onCellMouseDown={onCellMouseDown}
          onCellDoubleClick={onCellDoubleClick}
        />
      </div>

      <div className="sb-tabs" role="tablist" aria-label="Các trang tính">
        {visibleSheets.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.id === sheet.id}
            className="sb-tab"
            style={s.tabColor ? { borderBottomColor: s.tabColor } : undefined}
            onClick={() => onTab(s)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </section>
  );
}
