/// <reference types="office-js" />
/*
 * Task pane entry. Contract with taskpane.html: do not start when <html> has the class
 * "tthc-unsupported" (its plain-HTML message stays), and remove #fallback and #loading once
 * something is mounted.
 */
import { Body1, FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { officeHost } from "../excel/host";
import { App } from "./App";
import { officePlatform } from "./download";
import { forgetLaunchCommand, launchCommandFrom } from "./launch";
import { TEXT } from "./texts";

const useStyles = makeStyles({
  message: { display: "block", margin: tokens.spacingHorizontalL },
});

function Message({ children }: { children: ReactNode }) {
  const s = useStyles();
  return (
    <Body1 as="p" role="alert" className={s.message}>
      {children}
    </Body1>
  );
}

function mount(content: ReactNode): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);
  document.getElementById("fallback")?.remove();
  document.getElementById("loading")?.remove();
}

if (!document.documentElement.classList.contains("tthc-unsupported")) {
  if (typeof Office === "undefined") {
    // office.js did not load from Microsoft's CDN (offline, blocked by a proxy).
    mount(<Message>{TEXT.startup.noOfficeJs}</Message>);
  } else {
    Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel) {
        mount(<Message>{TEXT.startup.notExcel}</Message>);
        return;
      }
      const launchCommand = launchCommandFrom(window.location.search);
      forgetLaunchCommand();
      mount(<App host={officeHost()} platform={officePlatform()} launchCommand={launchCommand} />);
    });
  }
}
