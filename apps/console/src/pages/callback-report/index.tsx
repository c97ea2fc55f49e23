// Placeholder until the page is built.
export function CallbackReportPage() {
  return null;
}
