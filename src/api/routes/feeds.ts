import type { FastifyPluginCallbackZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { importFeedDocument } from '../../services/feed-import.js';
import { feedStatus } from '../../services/feed-status.js';
import { fileNameQuery, rawBody } from '../raw-document-body.js';

const tags = ['feeds'];

/** Feed files can be JSON, CSV, gzip or an osv.dev zip. */
const feedTypes = [
  'application/json',
  'text/csv',
  'text/plain',
  'application/gzip',
  'application/zip',
  'application/octet-stream',
] as const;

/**
 * Vulnerability feeds: what the database holds, and importing one feed file (air-gapped
 * sites upload offline bundles this way). Syncing from upstream is `jointsec feeds sync` on the
 * server (a scheduled job), not an API call: it runs for minutes and downloads gigabytes.
 */
export const feedRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.get(
    '/feeds/status',
    { schema: { tags, summary: 'Records per source, KEV/EPSS counts, and the last imports and syncs' } },
    (request) => feedStatus(request.serviceContext),
  );

  void app.register((scope, _scopeOptions, scopeDone) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([...feedTypes], { parseAs: 'buffer' }, (_request, body, next) => next(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/feeds/import',
      {
        schema: {
          tags,
          summary: 'Import one feed file (admin)',
          description:
            'OSV JSON or an osv.dev `all.zip`, CVE JSON 5, NVD API 2.0 / 1.1 JSON, CSAF 2.0, CISA KEV JSON/CSV, EPSS ' +
            'CSV (gzip allowed), recognized by content; name a zip `…zip` with `filename`. Idempotent, one ' +
            'transaction; per-record problems are in the summary. Vulnerability data is shared by every organization.',
          consumes: [...feedTypes],
          querystring: fileNameQuery,
        },
      },
      (request) =>
        importFeedDocument(request.serviceContext, {
          bytes: rawBody(request.body),
          fileName: request.query.filename ?? 'upload.json',
        }),
    );
    scopeDone();
  });
  done();
};
