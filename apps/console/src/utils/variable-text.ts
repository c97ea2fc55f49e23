// Texts with {variables} (callback scripts, canned replies): putting one where
// the cursor is, and cutting a text into plain and variable parts for previews.

/** Puts `{variable}` in place of the selection; answers the new text and where the cursor goes. */
export function insertVariable(text: string, start: number, end: number, variable: string): { text: string; caret: number } {
  const token = `{${variable}}`;
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return { text: text.slice(0, a) + token + text.slice(b), caret: a + token.length };
}

/** Text cut into plain parts and {variable} parts, to show the filled-in values apart in the preview. */
export function variableParts(text: string): { text: string; variable?: string }[] {
  const out: { text: string; variable?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{([a-zA-Z]+)\}/g)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], variable: m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
