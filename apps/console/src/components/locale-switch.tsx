import { Segmented } from 'antd';
import { useLocale } from '../i18n/i18n-provider.tsx';
import { isLocale } from '../i18n/locale-store.ts';
import { useSession } from '../session/session-provider.tsx';

/** Language switch; signed in, the choice is also saved on the user (PATCH /me). */
export function LocaleSwitch() {
  const [locale, setLocale] = useLocale();
  const session = useSession();
  return (
    <Segmented
      size="small"
      data-testid="locale-switch"
      value={locale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
      onChange={(v) => {
        if (!isLocale(v)) return;
        if (session.state.status === 'signed-in') session.changeLocale(v);
        else setLocale(v);
      }}
    />
  );
}
