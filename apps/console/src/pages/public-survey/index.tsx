// Placeholder until the page is built.
export function PublicSurveyPage() {
  return null;
}
