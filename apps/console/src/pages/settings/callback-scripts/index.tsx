// Placeholder until the page is built.
export function CallbackScriptsPage() {
  return null;
}
