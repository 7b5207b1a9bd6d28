// Text from inputs (file and archive-entry names, agencies, quoted source lines) on its way to a terminal: control
// characters — ANSI escapes that could rewrite the screen, CR that hides what came before, bidi overrides that
// reorder it — are shown as visible escapes instead of being obeyed. JSON output needs none of this
// (JSON.stringify escapes controls).

// C0 controls but TAB and LF, DEL, C1 controls, and the Unicode bidi embeddings, overrides and isolates
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** A block of output (line breaks and tabs kept) with every other control character made visible. */
export function safeText(s: string): string {
  return s.replace(CONTROL, visible);
}

/** One line (a name, an error message): every control character, line breaks included, made visible. */
export function safeLine(s: string): string {
  return s.replace(LINE_CONTROL, visible);
}
