// Writes the typed client's types (api.d.ts) from the service's OpenAPI document with
// openapi-typescript. Rerun after changing a route or schema: `pnpm --filter @ruralkit/http generate:client`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import { createMemoryStore, getPlan } from '@ruralkit/core';
import { ruralkit } from '@ruralkit/http';

/** The document's TypeScript types, as openapi-typescript writes them. */
export async function clientTypes(): Promise<string> {
  const app = Fastify();
  await app.register(ruralkit, { plans: [getPlan('changjiang-2021')], store: createMemoryStore() });
  const document = (await app.inject('/openapi.json')).json();
  await app.close();
  const header =
    '// Generated from the OpenAPI document by openapi-typescript (test/client/generate.ts). Do not edit.\n';
  return header + astToString(await openapiTS(document));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('./api.d.ts', import.meta.url), await clientTypes());
}
