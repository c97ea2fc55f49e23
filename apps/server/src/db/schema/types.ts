import { customType } from 'drizzle-orm/pg-core';

/** A tsvector column; the application builds its text (see platform/search). */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});
