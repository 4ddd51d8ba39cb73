/// <reference types="office-js" />
/*
 * Task pane entry. MINIMAL STAND-IN that proves the build: to be replaced by the task pane
 * work. Keep the contract with taskpane.html: do not start when <html> has the class
 * "tthc-unsupported", and remove #fallback and #loading once the app is mounted.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, Title1, webLightTheme } from "@fluentui/react-components";

function hideFallback(): void {
  document.getElementById("fallback")?.remove();
  document.getElementById("loading")?.remove();
}

if (!document.documentElement.classList.contains("tthc-unsupported")) {
  Office.onReady(() => {
    const container = document.getElementById("container");
    if (!container) return;
    createRoot(container).render(
      <FluentProvider theme={webLightTheme}>
        <Title1 as="h1">Báo cáo CCTTHC</Title1>
      </FluentProvider>,
    );
    hideFallback();
  });
}
