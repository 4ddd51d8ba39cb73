/**
 * The two severity icons of the problem list, drawn inline (16 px, currentColor) so the pane
 * needs no icon package. Decorative: the word "Lỗi" / "Cảnh báo" beside them carries the meaning.
 */

export function ErrorIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <rect x="7.1" y="3.5" width="1.8" height="5.8" rx="0.9" fill="#fff" />
      <circle cx="8" cy="11.6" r="1.05" fill="#fff" />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M8 1.2c.45 0 .86.24 1.08.63l6.55 11.5A1.25 1.25 0 0 1 14.55 15H1.45a1.25 1.25 0 0 1-1.08-1.87l6.55-11.3c.22-.39.63-.63 1.08-.63Z"
        fill="currentColor"
      />
      <rect x="7.15" y="5" width="1.7" height="5" rx="0.85" fill="#fff" />
      <circle cx="8" cy="12.3" r="1" fill="#fff" />
    </svg>
  );
}
