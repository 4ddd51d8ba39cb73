/**
 * What "Nhập từ tệp" did, file by file: the units imported (with the sheet name when it differs
 * from the unit's name) and the files left out with the reason.
 */
import { makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import type { ImportResult } from "../commands/addin-commands";
import { ErrorIcon } from "./icons";
import { TEXT } from "./texts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  subheading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  rejectedList: { listStyleType: "none", paddingLeft: 0 },
  rejected: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  icon: { color: tokens.colorStatusDangerForeground1, flexShrink: 0, paddingTop: "2px" },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground3 },
});

export function ImportResultList({ result }: { result: ImportResult }) {
  const s = useStyles();
  const { imported, rejected } = result;
  if (!imported.length && !rejected.length) return null;
  return (
    <section className={s.root} aria-labelledby="tthc-import-heading">
      <Subtitle2 as="h2" id="tthc-import-heading" className={s.heading}>
        {TEXT.importResult.heading}
      </Subtitle2>
      {imported.length > 0 && (
        <>
          <h3 id="tthc-import-done" className={s.subheading}>
            {TEXT.importResult.importedHeading(imported.length)}
          </h3>
          <ul className={s.list} aria-labelledby="tthc-import-done">
            {imported.map((u) => (
              <li key={`${u.file}#${u.sheet}`}>
                <span className={s.file}>{u.file}</span>: {u.unitName}
                {u.renamed && <span className={s.note}> ({TEXT.importResult.sheetNote(u.sheet)})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {rejected.length > 0 && (
        <>
          <h3 id="tthc-import-rejected" className={s.subheading}>
            {TEXT.importResult.rejectedHeading(rejected.length)}
          </h3>
          <ul className={mergeClasses(s.list, s.rejectedList)} aria-labelledby="tthc-import-rejected">
            {rejected.map((r, i) => (
              <li key={i} className={s.rejected}>
                <span className={s.icon}>
                  <ErrorIcon />
                </span>
                <span>
                  <span className={s.file}>{r.file}</span>: {r.message}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
