import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters kept in the URL query string, so a view can be bookmarked
 * and the back button returns to it. A change patches the URL as it is *now*
 * (the address bar, not the last render): two quick changes — a view, then a
 * search — must not let the second one undo the first. `parse` and `write`
 * should be module-level functions.
 */
export function useUrlFilters<F>(
  parse: (params: URLSearchParams) => F,
  write: (filters: F) => URLSearchParams,
): [F, (patch: Partial<F>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parse(params), [params, parse]);
  const update = useCallback(
    (patch: Partial<F>) => {
      const next = { ...parse(new URLSearchParams(window.location.search)), ...patch };
      setParams(write(next), { replace: true });
    },
    [parse, write, setParams],
  );
  return [filters, update];
}
