// Sends an export (commands/exportFile.ts) as a file download, with its row count in a header
// (and whether the rows were cut at the export's cap).
import type { FastifyReply } from 'fastify';

export function sendDownload(
  reply: FastifyReply,
  f: { fileName: string; contentType: string; body: Buffer; rows: number; truncated?: boolean },
) {
  reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename="${f.fileName}"`)
    .header('x-row-count', String(f.rows));
  if (f.truncated !== undefined) reply.header('x-truncated', String(f.truncated));
  return reply.send(f.body);
}
