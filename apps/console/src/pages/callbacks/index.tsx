// Placeholder until the page is built.
export function MyCallbacksPage() {
  return null;
}
