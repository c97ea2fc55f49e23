import { eq, sql } from 'drizzle-orm';
import type { KbCategory, KbSynonymGroup } from '@kefu/shared/knowledge-api';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { kbCategories, kbSynonyms } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';

// How the knowledge base is arranged: categories (one under another) and the
// synonym groups its search expands words with. Kept by kb:publish.

const categoryColumns = { id: kbCategories.id, name: kbCategories.name, parentId: kbCategories.parentId, sort: kbCategories.sort };

async function parentMustFit(tx: Tx, id: string | null, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  const [parent] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.id, parentId));
  if (!parent) throw new AppError('REFERENCE_NOT_FOUND', { what: 'kbCategory', id: parentId });
  if (!id) return;
  // the new parent must not be the category itself or one below it
  const [loop] = await queryRows<{ found: boolean }>(tx, sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from kb_categories where id = ${parentId}::uuid
      union select c.id, c.parent_id from kb_categories c join up on c.id = up.parent_id)
    select exists (select 1 from up where id = ${id}::uuid) as found`);
  if (loop?.found) throw new AppError('KB_CATEGORY_CYCLE');
}

export async function createCategory(db: Db, c: { name: string; parentId?: string | null; sort?: number }): Promise<KbCategory> {
  return db.transaction(async (tx) => {
    await parentMustFit(tx, null, c.parentId);
    const [row] = await tx.insert(kbCategories).values({ name: c.name, parentId: c.parentId ?? null, sort: c.sort ?? 0 }).returning(categoryColumns);
    return row;
  });
}

export async function changeCategory(db: Db, id: string, c: { name?: string; parentId?: string | null; sort?: number }): Promise<KbCategory> {
  return db.transaction(async (tx) => {
    await parentMustFit(tx, id, c.parentId);
    const set = {
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.parentId !== undefined ? { parentId: c.parentId } : {}),
      ...(c.sort !== undefined ? { sort: c.sort } : {}),
    };
    const [row] = Object.keys(set).length
      ? await tx.update(kbCategories).set(set).where(eq(kbCategories.id, id)).returning(categoryColumns)
      : await tx.select(categoryColumns).from(kbCategories).where(eq(kbCategories.id, id));
    if (!row) throw notFound('kbCategory');
    return row;
  });
}

/** Only an empty category goes: its articles (archived ones too) and sub-categories must move first. */
export async function deleteCategory(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [use] = await queryRows<{ articles: number; children: number }>(tx, sql`
      select (select count(*)::int from kb_articles where category_id = ${id}::uuid) as articles,
             (select count(*)::int from kb_categories where parent_id = ${id}::uuid) as children`);
    if (use.articles || use.children) throw new AppError('KB_CATEGORY_IN_USE', { articles: use.articles, children: use.children });
    const rows = await tx.delete(kbCategories).where(eq(kbCategories.id, id)).returning({ id: kbCategories.id });
    if (!rows.length) throw notFound('kbCategory');
  });
}

/** The words of a group as the search compares them: lower-case, each once, at least two. */
function synonymWords(words: string[]): string[] {
  const out = [...new Set(words.map((w) => w.toLowerCase()))];
  if (out.length < 2) throw new AppError('KB_SYNONYM_TOO_FEW');
  return out;
}

export async function createSynonymGroup(db: Db, words: string[]): Promise<KbSynonymGroup> {
  const [row] = await db.insert(kbSynonyms).values({ words: synonymWords(words) }).returning({ id: kbSynonyms.id, words: kbSynonyms.words });
  return row;
}

export async function changeSynonymGroup(db: Db, id: string, words: string[]): Promise<KbSynonymGroup> {
  const [row] = await db.update(kbSynonyms).set({ words: synonymWords(words) }).where(eq(kbSynonyms.id, id)).returning({ id: kbSynonyms.id, words: kbSynonyms.words });
  if (!row) throw notFound('kbSynonym');
  return row;
}

export async function deleteSynonymGroup(db: Db, id: string): Promise<void> {
  const rows = await db.delete(kbSynonyms).where(eq(kbSynonyms.id, id)).returning({ id: kbSynonyms.id });
  if (!rows.length) throw notFound('kbSynonym');
}
