import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { kbCategory, kbCategoryBody, kbCategoryPatch, kbSynonymBody, kbSynonymGroup } from '@kefu/shared/knowledge-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { kbCategories, kbSynonyms } from '../../db/schema/index.ts';
import { changeCategory, changeSynonymGroup, createCategory, createSynonymGroup, deleteCategory, deleteSynonymGroup } from './kb-taxonomy.commands.ts';
import { errors, idParams } from './route-parts.ts';

const publish = { permission: 'kb:publish' as const };

/** Categories of the knowledge base and the synonyms its search knows: everyone reads, kb:publish keeps them. */
export function kbTaxonomyRoutes(app: App, db: Deps['db']): void {
  app.get('/api/v1/kb/categories', {
    schema: { tags: ['knowledge'], summary: 'Categories of the knowledge base', response: { 200: z.object({ items: z.array(kbCategory) }) } },
  }, async () => ({
    items: await db.select({ id: kbCategories.id, name: kbCategories.name, parentId: kbCategories.parentId, sort: kbCategories.sort })
      .from(kbCategories).orderBy(asc(kbCategories.sort), asc(kbCategories.name)),
  }));

  app.post('/api/v1/kb/categories', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Add a category', body: kbCategoryBody, response: { 201: kbCategory, ...errors } },
  }, async (req, reply) => reply.status(201).send(await createCategory(db, req.body)));

  app.patch('/api/v1/kb/categories/:id', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Rename a category, move it under another or change its order', params: idParams, body: kbCategoryPatch, response: { 200: kbCategory, ...errors } },
  }, async (req) => changeCategory(db, req.params.id, req.body));

  app.delete('/api/v1/kb/categories/:id', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Remove an empty category (409 while it holds articles or sub-categories)', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await deleteCategory(db, req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/kb/synonyms', {
    schema: { tags: ['knowledge'], summary: 'Synonym groups used by the search (酸奶 = 酸牛奶)', response: { 200: z.object({ items: z.array(kbSynonymGroup) }) } },
  }, async () => ({ items: await db.select({ id: kbSynonyms.id, words: kbSynonyms.words }).from(kbSynonyms).orderBy(asc(kbSynonyms.createdAt)) }));

  app.post('/api/v1/kb/synonyms', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Add a group of words that mean the same', body: kbSynonymBody, response: { 201: kbSynonymGroup, ...errors } },
  }, async (req, reply) => reply.status(201).send(await createSynonymGroup(db, req.body.words)));

  app.patch('/api/v1/kb/synonyms/:id', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Change the words of a synonym group', params: idParams, body: kbSynonymBody, response: { 200: kbSynonymGroup, ...errors } },
  }, async (req) => changeSynonymGroup(db, req.params.id, req.body.words));

  app.delete('/api/v1/kb/synonyms/:id', {
    config: publish,
    schema: { tags: ['knowledge'], summary: 'Remove a synonym group', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await deleteSynonymGroup(db, req.params.id);
    return reply.status(204).send(null);
  });
}
