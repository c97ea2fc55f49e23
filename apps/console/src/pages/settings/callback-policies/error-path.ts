// A validation detail's path ("body.steps.0.dueWithin") in the editor's own
// words ("回访时点 · 回访 1 · 期限"); parts without a name stay as written.

/** `name(key)` names a field; `name(key, n)` names the n-th (1-based) item of a list. */
export function readableErrorPath(path: string, name: (key: string, n?: number) => string | undefined): string {
  const parts = path.replace(/^\/?body[./]?/, '').split(/[./]/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const n = Number(parts[i + 1]);
    if (parts[i + 1] !== undefined && Number.isInteger(n)) {
      out.push(name(p, n + 1) ?? `${name(p) ?? p} ${n + 1}`);
      i++;
    } else out.push(name(p) ?? p);
  }
  return out.join(' · ');
}
