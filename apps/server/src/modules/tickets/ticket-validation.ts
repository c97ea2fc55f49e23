import { formatFieldError, validateFields } from '@kefu/shared/form-validation';
import type { FormDefinition } from '@kefu/shared/forms';
import { AppError, type Locale } from '../../platform/errors.ts';

/** Validates field values, or throws a 422 listing every problem in the caller's language. */
export function assertValidFields(def: FormDefinition, values: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const { values: clean, errors } = validateFields(def, values);
  if (errors.length) {
    const details = errors.map((e) => ({ path: `fields.${e.key}`, message: formatFieldError(def, e, locale) }));
    throw new AppError('VALIDATION_FAILED', { summary: details.map((d) => d.message).join(locale === 'zh-CN' ? ';' : '; ') }, { details });
  }
  return clean;
}
