/*
 * Entry of the web page (web.html): mounts the page once the inline check of web.html has
 * found a modern browser (it adds "tthc-ok" to <html>); removes #fallback and #loading then.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { WebApp } from "./WebApp";

if (!document.documentElement.classList.contains("tthc-unsupported")) {
  const container = document.getElementById("container");
  if (container) {
    createRoot(container).render(
      <FluentProvider theme={webLightTheme}>
        <WebApp />
      </FluentProvider>,
    );
    document.getElementById("fallback")?.remove();
    document.getElementById("loading")?.remove();
  }
}
