import { useEffect, useState } from 'react';
import type { KbArticleSummary } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { useDebounced } from '../../hooks/use-debounced.ts';

/**
 * The articles that fit a text (GET /kb/suggest), asked again when the text
 * has been still for `delayMs`; an answer for an older text is dropped.
 */
export function useKbSuggestions(text: string, { delayMs = 0, limit = 5 }: { delayMs?: number; limit?: number } = {}) {
  const settled = useDebounced(text.trim(), delayMs);
  const [state, setState] = useState<{ for: string; items: KbArticleSummary[] }>({ for: '', items: [] });
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (settled.length < 2) {
      setState({ for: settled, items: [] });
      return;
    }
    let live = true;
    setLoading(true);
    api.get<{ items: KbArticleSummary[] }>('/kb/suggest', { text: settled, limit }, { silent: true }).then(
      (res) => live && setState({ for: settled, items: res.items }),
      () => live && setState({ for: settled, items: [] }),
    ).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [settled, limit]);
  return { items: state.items, loading };
}
