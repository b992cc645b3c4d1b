// The reference page at /docs/ opened in headless Chromium: a maintained renderer served by the
// package itself renders every operation, the bearer security scheme and the examples, and the
// page makes no request to another host.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, openBrowser, type TestBrowser } from '../../../test/support/browser.js';
import { json, startService, type TestService } from './helpers.js';

if (!hasChromium && !process.env.CI) console.warn(`Skipping the /docs browser test: no Chromium at ${CHROMIUM}`);

let service: TestService;
let browser: TestBrowser | undefined;

beforeAll(async () => {
  service = await startService();
  if (!hasChromium && !process.env.CI) return;
  browser = await openBrowser({ context: { viewport: { width: 1280, height: 900 } } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
}, 60_000);

describe('the API reference at /docs/', () => {
  it('is served by the service, /docs leading to /docs/, its script local', async () => {
    const page = await fetch(`${service.url}/docs/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//);
    expect((await fetch(`${service.url}/docs/js/scalar.js`)).status).toBe(200);
    const bare = await fetch(`${service.url}/docs`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/docs/');
  });

  it('gives an example for every request body', async () => {
    const document = await json(await fetch(`${service.url}/openapi.json`));
    const bodies = Object.values(
      document.paths as Record<string, Record<string, { requestBody?: { content: object } }>>,
    )
      .flatMap((operations) => Object.values(operations))
      .flatMap((operation) => Object.entries(operation.requestBody?.content ?? {}))
      .filter(([type]) => type.includes('json'));
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    for (const [type, media] of bodies) expect(media, type).toHaveProperty('example');
  });

  it.skipIf(!hasChromium && !process.env.CI)(
    'renders the operations, the bearer scheme and examples in Chromium, with no outside request',
    { timeout: 60_000 },
    async () => {
      const page = await browser!.context.newPage();
      const outside: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(service.url) && !request.url().startsWith('data:')) outside.push(request.url());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.route(
        (url) => !url.href.startsWith(service.url) && url.protocol !== 'data:',
        (route) => route.abort(),
      );
      await page.goto(`${service.url}/docs`);
      const shows = (text: string) =>
        page.waitForFunction(`document.body.textContent.includes(${JSON.stringify(text)})`, undefined, {
          timeout: 30_000,
        });
      await shows('Bearer Token'); // the security scheme
      for (const tag of ['plans', 'evaluation', 'workflows']) await shows(tag);
      await page.locator('text=evaluation >> visible=true').first().click();
      await page.locator('text=Evaluate villages and households >> visible=true').first().click();
      await shows('lh-001'); // the request body's example, rendered from the document
      await page.screenshot({ path: join(mkdtempSync(join(tmpdir(), 'ruralkit-docs-')), 'docs.png') });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
