import type { T } from '../../i18n/i18n-provider.tsx';

/** How often a reason for dissatisfaction was named: "3 of 8 · 38%", "3/8 次 · 38%". */
export function reasonShare(t: T, count: number, total: number): string {
  return t('report.reasonCount', { n: count, total, pct: total ? Math.round((count / total) * 100) : 0 });
}
