import { Input, Space } from 'antd';
import type { Localized } from '@kefu/shared/forms';
import { useT } from '../../../i18n/i18n-provider.tsx';

interface Props {
  value: Localized;
  onChange: (v: Localized) => void;
  /** marks the languages that are missing */
  missing?: ('zh' | 'en')[];
  testId: string;
  multiline?: boolean;
}

const LANGS = ['zh', 'en'] as const;

/** A text in both languages: Chinese above English, each marked when it is missing. */
export function LocalizedInput({ value, onChange, missing = [], testId, multiline }: Props) {
  const t = useT();
  const name = (lang: 'zh' | 'en') => t(lang === 'zh' ? 'formEditor.textZh' : 'formEditor.textEn');
  const set = (lang: 'zh' | 'en', text: string) => onChange({ ...value, [lang]: text });
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {LANGS.map((lang) =>
        multiline ? (
          <Input.TextArea
            key={lang}
            value={value[lang]}
            placeholder={name(lang)}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => set(lang, e.target.value)}
            data-testid={`${testId}-${lang}`}
          />
        ) : (
          <Input
            key={lang}
            value={value[lang]}
            status={missing.includes(lang) ? 'error' : undefined}
            prefix={<span className="kefu-lang-tag">{name(lang)}</span>}
            onChange={(e) => set(lang, e.target.value)}
            data-testid={`${testId}-${lang}`}
          />
        ),
      )}
    </Space>
  );
}
