// Placeholder until the page is built.
export function SurveysPage() {
  return null;
}
