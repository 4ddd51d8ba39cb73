/**
 * The report kind "Tạo mẫu" makes: a list of the built-in kinds (the monthly report
 * preselected, so one click still does what it always did) and an office's own definition,
 * picked as a JSON file. It only collects the choice; App reads and checks the file.
 */
import { Caption1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useRef, type ChangeEvent } from "react";
import { TEXT_KINDS } from "./texts";

export const OWN_DEFINITION = "__rieng__";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0, marginBottom: tokens.spacingVerticalS },
  // A native <select> is as wide as its longest option (a kind's title is a whole sentence):
  // let it shrink to the pane and cut the shown title with an ellipsis instead.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
  selectElement: { minWidth: 0, textOverflow: "ellipsis" },
  own: { color: tokens.colorNeutralForeground3 },
  // a button (it opens the file picker) that reads as the link it replaced
  pick: {
    padding: 0,
    border: "none",
    background: "none",
    font: "inherit",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    cursor: "pointer",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
  },
});

export interface KindPickerProps {
  kinds: { id: string; title: string }[];
  /** the chosen built-in id, or OWN_DEFINITION */
  value: string;
  /** the own definition's file and title, once read */
  own: { file: string; title: string } | null;
  disabled: boolean;
  onChoose(id: string): void;
  onOwnFile(file: File): void;
}

export function KindPicker({ kinds, value, own, disabled, onChoose, onOwnFile }: KindPickerProps) {
  const s = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const change = (e: ChangeEvent<HTMLSelectElement>) => {
    const id = e.target.value;
    onChoose(id);
    if (id === OWN_DEFINITION) fileInput.current?.click();
  };
  return (
    <div className={s.root}>
      <Field label={TEXT_KINDS.label} className={s.field}>
        <Select value={value} disabled={disabled} onChange={change} className={s.select} select={{ className: s.selectElement }}>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.title}
            </option>
          ))}
          <option value={OWN_DEFINITION}>{TEXT_KINDS.own}</option>
        </Select>
      </Field>
      {value === OWN_DEFINITION && (
        <Caption1 className={s.own}>
          {own ? TEXT_KINDS.ownChosen(own.title, own.file) : TEXT_KINDS.ownNone}{" "}
          <button type="button" className={s.pick} onClick={() => fileInput.current?.click()}>
            {TEXT_KINDS.pickFile}
          </button>
        </Caption1>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={TEXT_KINDS.pickFile}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onOwnFile(f);
          e.target.value = "";
        }}
      />
    </div>
  );
}
