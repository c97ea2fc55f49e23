import { buildUrl, type Query } from './client.ts';
import { currentLocale } from '../i18n/locale-store.ts';
import { translate } from '../i18n/translate.ts';

// The API client reads JSON; the workbook is a file. The session travels in
// the same cookie the client sends (credentials: same-origin), and
// Accept-Language picks the workbook's headings.

/** The file name the server gives in Content-Disposition, else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]) : fallback;
}

/** Fetches the workbook and hands it to the browser as a download; rejects with the server's (localized) message. */
export async function downloadXlsx(path: string, query: Query, fallbackName: string): Promise<void> {
  const locale = currentLocale();
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      credentials: 'same-origin',
      headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json', 'Accept-Language': locale },
    });
  } catch {
    throw new Error(translate(locale, 'error.network'));
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(typeof body?.error?.message === 'string' ? body.error.message : translate(locale, 'error.http', { status: res.status }));
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the click has started the download; the blob can go once the browser has it
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
