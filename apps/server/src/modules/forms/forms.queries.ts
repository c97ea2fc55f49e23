import { and, desc, eq, sql } from 'drizzle-orm';
import { formDefinition, type FormDefinition } from '@kefu/shared/forms';
import { queryRows, type Db, type Tx } from '../../db/client.ts';
import { formDefinitions } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { dairyHotlineForms } from './templates/dairy-hotline.ts';

export interface StoredForm {
  id: string;
  type: string;
  version: number;
  definition: FormDefinition;
  createdAt: Date;
}

// Current versions are read on every work-order write; a short cache keeps
// that off the database. A new version clears it here; other instances see
// it within CACHE_MS.
const CACHE_MS = 10_000;
let cache: { at: number; forms: Map<string, StoredForm> } | null = null;

export function clearFormCache(): void {
  cache = null;
}

export async function currentForms(db: Db): Promise<Map<string, StoredForm>> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.forms;
  const rows = await queryRows<{ id: string; type: string; version: number; definition: FormDefinition; created_at: string }>(db, sql`
    select distinct on (type) id, type, version, definition, created_at
    from form_definitions order by type, version desc`);
  const forms = new Map<string, StoredForm>();
  for (const r of rows) {
    forms.set(r.type, { id: r.id, type: r.type, version: r.version, definition: r.definition, createdAt: new Date(r.created_at) });
  }
  cache = { at: Date.now(), forms };
  return forms;
}

export async function formFor(db: Db, type: string): Promise<StoredForm> {
  const forms = await currentForms(db);
  const f = forms.get(type);
  if (!f) throw new AppError('UNKNOWN_TICKET_TYPE', { type, types: [...forms.keys()].join(', ') });
  return f;
}

// a (type, version) pair never changes once written, so it can be kept forever
const versions = new WeakMap<Db, Map<string, FormDefinition>>();

/**
 * The definition a work order was filled on (older versions stay readable).
 * Inside a transaction pass it as `via`: PGlite has one connection, so a query
 * on the outer handle would wait for the transaction to end.
 */
export async function formVersion(db: Db, type: string, version: number, via: Tx = db): Promise<FormDefinition | null> {
  const byKey = versions.get(db) ?? new Map<string, FormDefinition>();
  versions.set(db, byKey);
  const key = `${type}@${version}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const [row] = await via.select().from(formDefinitions)
    .where(and(eq(formDefinitions.type, type), eq(formDefinitions.version, version)));
  if (row) byKey.set(key, row.definition as FormDefinition);
  return (row?.definition as FormDefinition) ?? null;
}

export async function saveFormVersion(db: Db, input: unknown, actorId: string | null): Promise<StoredForm> {
  const parsed = formDefinition.safeParse(input);
  if (!parsed.success) {
    const summary = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('INVALID_FORM_DEFINITION', { summary });
  }
  const def = parsed.data;
  const row = await db.transaction(async (tx) => {
    const [last] = await tx.select({ version: formDefinitions.version }).from(formDefinitions)
      .where(eq(formDefinitions.type, def.type)).orderBy(desc(formDefinitions.version)).limit(1);
    const [r] = await tx.insert(formDefinitions).values({
      type: def.type, version: (last?.version ?? 0) + 1, definition: def, createdById: actorId,
    }).returning();
    return r;
  });
  clearFormCache();
  return { id: row.id, type: row.type, version: row.version, definition: def, createdAt: row.createdAt };
}

/** Installs the default form definitions on an empty database. */
export async function ensureDefaultForms(db: Db): Promise<void> {
  const [any] = await db.select({ id: formDefinitions.id }).from(formDefinitions).limit(1);
  if (any) return;
  for (const def of dairyHotlineForms) await saveFormVersion(db, def, null);
}
