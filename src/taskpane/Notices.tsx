/**
 * What a command found, as Fluent MessageBars, and the spinner of the running step: shown
 * only once a command has run, so they are fetched after the first paint (App.tsx, `later`).
 */
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, tokens } from "@fluentui/react-components";
import type { Notice } from "./notices";
import { TEXT } from "./texts";

const useStyles = makeStyles({
  notices: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  noticeText: { whiteSpace: "pre-line" },
});

export interface NoticesProps {
  notices: Notice[];
  busy: boolean;
  onRecreate(): void;
}

export function Notices({ notices, busy, onRecreate }: NoticesProps) {
  const s = useStyles();
  return (
    <div className={s.notices}>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody>
            {n.title && <MessageBarTitle>{n.title}</MessageBarTitle>}
            <div className={s.noticeText}>{n.text}</div>
          </MessageBarBody>
          {n.offerRecreate && (
            <MessageBarActions>
              <Button size="small" disabled={busy} onClick={onRecreate}>
                {TEXT.recreate}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </div>
  );
}

export function StepSpinner({ step }: { step: string }) {
  return <Spinner size="tiny" labelPosition="after" label={step} />;
}
