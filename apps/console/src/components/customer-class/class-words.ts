import type { ClassCondition, ClassReason, ClassRulesBody } from '@kefu/shared/customer-classes-api';
import type { T } from '../../i18n/i18n-provider.tsx';

// Words for class conditions and reasons, shared by the rules page, the
// recompute preview and a customer's class history.

const money = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** "季度营收(ARPU) ≥ 5,000 元", "标签 包含 福利单位" */
export function conditionWords(t: T, c: Pick<ClassCondition, 'measure' | 'op' | 'value'>): string {
  if (c.measure === 'tag') return `${t('cc.measure.tag')} ${t('cc.op.has')} ${c.value}`;
  const unit = t(`cc.unit.${c.measure}`);
  return `${t(`cc.measure.${c.measure}`)} ${c.op.replace('>=', '≥').replace('<=', '≤')} ${money(Number(c.value))}${unit ? ` ${unit}` : ''}`;
}

/** Why a customer is in a class: the conditions that held with the customer's figure, or the override. */
export function reasonWords(t: T, reason: ClassReason | null): string {
  if (!reason) return '';
  if (reason.override) {
    return t('cc.reason.override', { reason: reason.override.reason }) + (reason.override.until ? t('cc.reason.until', { date: reason.override.until }) : '');
  }
  if (!reason.matched.length) return t('cc.reason.fallback');
  return reason.matched.map((m) => {
    const said = conditionWords(t, m as Pick<ClassCondition, 'measure' | 'op' | 'value'>);
    return m.measure === 'tag' || m.actual === null ? said : `${said}(${money(Number(m.actual))})`;
  }).join(';');
}

/** "A类客户 (A)", or the key alone when the rules no longer name it. */
export function className(rules: ClassRulesBody | null | undefined, key: string | null, none: string): string {
  if (!key) return none;
  const named = rules?.classes.find((c) => c.key === key)?.name ?? (rules?.fallback.key === key ? rules.fallback.name : null);
  return named ? `${named} (${key})` : key;
}

/** Colours by rank: the first class gold, the second blue, the rest grey. */
export function classColor(rules: ClassRulesBody | null | undefined, key: string | null): string | undefined {
  const i = rules?.classes.findIndex((c) => c.key === key) ?? -1;
  return i === 0 ? 'gold' : i === 1 ? 'blue' : i > 1 ? 'cyan' : undefined;
}
