/**
 * The pane's "Đơn vị" section: "Thêm đơn vị" (a unit name field and its button; Enter in the
 * field adds too) and "Nhập từ tệp" (a button that opens the file picker for one or many
 * .xlsx files). It only collects the input; App runs the commands and shows the results.
 */
import { Button, Caption1, Field, Input, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useRef, useState, type FormEvent } from "react";
import { TEXT } from "./texts";

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  description: { color: tokens.colorNeutralForeground3 },
  addRow: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  action: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  button: { width: "100%" },
});

export interface UnitsSectionProps {
  /** while a command runs */
  disabled: boolean;
  /** adds the unit; resolves true when it was added (the field is then cleared) */
  onAdd(name: string): Promise<boolean>;
  onImport(files: File[]): void;
}

export function UnitsSection({ disabled, onAdd, onImport }: UnitsSectionProps) {
  const s = useStyles();
  const [name, setName] = useState("");
  const [empty, setEmpty] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (disabled) return;
    if (!name.trim()) {
      setEmpty(true);
      return;
    }
    if (await onAdd(name)) setName("");
  };

  return (
    <section className={s.root} aria-labelledby="tthc-units-heading">
      <Subtitle2 as="h2" id="tthc-units-heading" className={s.heading}>
        {TEXT.units.heading}
      </Subtitle2>
      <Caption1 className={s.description}>{TEXT.units.intro}</Caption1>
      <form className={s.addRow} onSubmit={(e) => void submit(e)} noValidate>
        <Field
          className={s.field}
          label={TEXT.units.nameLabel}
          validationState={empty ? "error" : "none"}
          validationMessage={empty ? TEXT.units.nameEmpty : undefined}
        >
          <Input
            value={name}
            placeholder={TEXT.units.namePlaceholder}
            onChange={(_, data) => {
              setName(data.value);
              setEmpty(false);
            }}
          />
        </Field>
        <Button type="submit" disabledFocusable={disabled}>
          {TEXT.units.add}
        </Button>
      </form>
      <div className={s.action}>
        <Button className={s.button} disabledFocusable={disabled} aria-describedby="tthc-units-import" onClick={() => fileInput.current?.click()}>
          {TEXT.units.import}
        </Button>
        <Caption1 id="tthc-units-import" className={s.description}>
          {TEXT.units.importDescription}
        </Caption1>
        <input
          ref={fileInput}
          type="file"
          accept={XLSX_ACCEPT}
          multiple
          hidden
          aria-label={TEXT.units.fileInputLabel}
          disabled={disabled}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = ""; // picking the same files again fires a change
            if (files.length) onImport(files);
          }}
        />
      </div>
    </section>
  );
}
