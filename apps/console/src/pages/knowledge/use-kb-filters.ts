import { useUrlFilters } from '../../hooks/use-url-filters.ts';
import { parseKbFilters, writeKbFilters, type KbFilters } from './kb-model.ts';

/** The knowledge base list's search and filters, in the URL (bookmarkable, back returns to them). */
export function useKbFilters(): [KbFilters, (patch: Partial<KbFilters>) => void] {
  return useUrlFilters(parseKbFilters, writeKbFilters);
}
