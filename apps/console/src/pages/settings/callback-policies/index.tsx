// Placeholder until the page is built.
export function CallbackPoliciesPage() {
  return null;
}
