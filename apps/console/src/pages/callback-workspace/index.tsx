// Placeholder until the page is built.
export function CallbackWorkspacePage() {
  return null;
}
