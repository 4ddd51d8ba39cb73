/** The code of the "text in a legacy Vietnamese encoding" warning (its own module: the task pane's first load needs only this). */
export const LEGACY_CODE = "text.legacyEncoding";
