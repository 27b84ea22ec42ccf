// Full-text search across CRM notes (activities, issues, tasks, contacts).
import { z } from 'zod';
import { searchNotes } from '../../../db/queries/crm/notesSearch';
import { ALL_ROLES } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { text } from '../../lib/schemas';
import { listQuery, ownersFor } from '../crm/lib';

export default async function notesSearchRoutes(app: App, { database }: ServerContext) {
  app.get('/api/notes/search', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary:
        'Search every note (web-search syntax: words, "phrases", -exclude, or); ranked, with highlighted snippets',
      querystring: z.strictObject({
        q: text(200).pipe(z.string().min(1)),
        scope: listQuery.scope,
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
    },
    handler: async (req) => ({
      items: await searchNotes(database.db, req.query.q, {
        limit: req.query.limit,
        ownerIds: await ownersFor(database, req, req.query.scope ?? 'all'),
      }),
    }),
  });
}
