#!/usr/bin/env node
// Writes .env.example from the config classes (ApiConfig, WorkerConfig, their shared base and the
// VNeID simulator's VneidSimConfig), so the
// documented variables, defaults and descriptions are exactly what the apps validate. A unit test in
// each app fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ROOT, run } from './lib/process.mjs';

run('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,worker,vneid-sim', '--output-style=static'], {
  quiet: true,
});
const require = createRequire(join(ROOT, 'package.json'));
require('reflect-metadata');
const { renderEnvExample } = require(join(ROOT, 'packages/server-kit/dist/index.js'));
const { ApiConfig } = require(join(ROOT, 'apps/api/dist/apps/api/src/config/api-config.js'));
const { WorkerConfig } = require(join(ROOT, 'apps/worker/dist/apps/worker/src/config/worker-config.js'));
const { VneidSimConfig } = require(
  join(ROOT, 'apps/vneid-sim/dist/apps/vneid-sim/src/config/vneid-sim-config.js'),
);

const api = renderEnvExample(ApiConfig);
const apiNames = new Set([...api.matchAll(/^([A-Z0-9_]+)=/gm)].map((match) => match[1]));
const worker = renderEnvExample(WorkerConfig).split('\n');
const workerOnly = [];
for (let i = 0; i < worker.length; i += 2) {
  if (!apiNames.has(worker[i + 1].split('=')[0])) workerOnly.push(worker[i], worker[i + 1]);
}
writeFileSync(
  join(ROOT, '.env.example'),
  `# Hocvu configuration. Copy to .env (npm start creates one with fresh secrets) or set these in the
# environment. Every variable has a safe default except the secrets. Generated from the config classes
# by \`npm run generate:env-example\`; a test keeps it in sync.

# --- API (the first six are shared with the worker) ---
${api}

# --- Worker only ---
${workerOnly.join('\n')}

# --- VNeID simulator (apps/vneid-sim: development, demos and tests only; never a real identity provider) ---
${renderEnvExample(VneidSimConfig)}
`,
);
console.log('Wrote .env.example');
