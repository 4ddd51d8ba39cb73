/**
 * Polyfills for tests that run in jsdom (files with the `@jest-environment jsdom` docblock)
 * and render Fluent UI v9. Listed in jest.config.js `setupFiles`; does nothing in the node
 * environment.
 */
import { TextDecoder, TextEncoder } from "node:util";

if (typeof window !== "undefined") {
  const g = globalThis as Record<string, unknown>;
  // jsdom has no TextEncoder/TextDecoder; some of Fluent's dependencies use them.
  if (!g.TextEncoder) g.TextEncoder = TextEncoder;
  if (!g.TextDecoder) g.TextDecoder = TextDecoder;

  // jsdom has no ResizeObserver (MessageBar's automatic layout, positioning, overflow).
  if (!g.ResizeObserver) {
    g.ResizeObserver = class ResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }

  // jsdom has no matchMedia (reduced-motion checks of Fluent's motion components).
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
}
