// Placeholder until the page is built.
export function CampaignsPage() {
  return null;
}
