#!/usr/bin/env node
// Regenerates the API contract: the OpenAPI document from the API's decorators, then the typed
// client's schema from that document. With --check, fails if the committed files are stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT, run } from './lib/process.mjs';

const check = process.argv.includes('--check');
const documentPath = join(ROOT, 'packages/api-client/openapi.json');
const schemaPath = join(ROOT, 'packages/api-client/src/schema.d.ts');

run('npx', ['nx', 'run', 'api:build', '--output-style=static'], { quiet: true });
const outDir = check ? mkdtempSync(join(tmpdir(), 'hocvu-openapi-')) : null;
const newDocument = outDir ? join(outDir, 'openapi.json') : documentPath;
const newSchema = outDir ? join(outDir, 'schema.d.ts') : schemaPath;

execFileSync('node', [join(ROOT, 'apps/api/dist/apps/api/src/cli.js'), 'openapi', '--out', newDocument], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
execFileSync(join(ROOT, 'node_modules/.bin/openapi-typescript'), [newDocument, '-o', newSchema], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const header =
  '// Generated from packages/api-client/openapi.json by `npm run generate:api-client`. Do not edit.\n';
writeFileSync(newSchema, header + readFileSync(newSchema, 'utf8'));

if (check) {
  const stale = [
    [documentPath, newDocument],
    [schemaPath, newSchema],
  ].filter(([committed, fresh]) => {
    try {
      return readFileSync(committed, 'utf8') !== readFileSync(fresh, 'utf8');
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(
      `Stale API contract: ${stale.map(([committed]) => committed.replace(`${ROOT}/`, '')).join(', ')}.\n` +
        'Run `npm run generate:api-client` and commit the result.',
    );
    process.exit(1);
  }
  console.log('API contract is up to date (openapi.json and the generated client).');
} else {
  console.log('Wrote packages/api-client/openapi.json and packages/api-client/src/schema.d.ts');
}
