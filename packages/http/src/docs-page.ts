/**
 * The documentation page (接口文档页) at `/docs/`: Scalar's API reference, a maintained renderer
 * whose script the package itself serves (`/docs/js/scalar.js`), reading `openapi.json` beside
 * it. Nothing is loaded from elsewhere: no fonts, no proxy, no telemetry, no AI agent or MCP.
 */
import apiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';

/** Where the page is, under the plugin's prefix; `/docs` redirects to `/docs/`. */
export const DOCS_PREFIX = '/docs';

/** Register the page on `app`: `/docs`, `/docs/` and its script. */
export async function registerDocsPage(app: FastifyInstance): Promise<void> {
  await app.register(apiReference, {
    routePrefix: DOCS_PREFIX,
    configuration: {
      url: '../openapi.json',
      pageTitle: 'ruralkit HTTP API',
      withDefaultFonts: false,
      hideClientButton: true,
      telemetry: false,
      proxyUrl: '',
      agent: { disabled: true },
      mcp: { disabled: true },
    },
  });
}

/** Whether `url` (a route's pattern) is one of the page's routes: open, like the document itself. */
export function isDocsRoute(url: string | undefined, prefix: string): boolean {
  return url !== undefined && (url === `${prefix}${DOCS_PREFIX}` || url.startsWith(`${prefix}${DOCS_PREFIX}/`));
}
