#!/usr/bin/env node
// `npm test`: the whole ladder — formatting, lint, types, build, API contract, unit + integration
// (Jest, real PostgreSQL and Redis), end-to-end (Playwright driving the built portal in Chromium).
// Ends with one line `N passed, N failed` counting every test case run.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, run } from './lib/process.mjs';

const reportDir = join(ROOT, 'tmp/test-reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
const env = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : '1' };

const steps = [];
let passed = 0;
let failed = 0;

function stage(name, command, args, extra = {}) {
  const begun = Date.now();
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const result = run(command, args, { env: { ...env, ...extra }, allowFailure: true });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - begun) / 1000 });
  return ok;
}

if (!existsSync(join(ROOT, 'node_modules/.package-lock.json'))) {
  console.log('Installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

stage('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
stage('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
stage('typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--output-style=static']);
const buildOk = stage('build', 'npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);
stage('api contract', 'node', ['packages/tooling/src/generate-api-client.mjs', '--check']);

const jestReport = join(reportDir, 'jest.json');
stage('unit + integration', 'npx', ['jest', '--ci', '--json', `--outputFile=${jestReport}`]);
if (existsSync(jestReport)) {
  const report = JSON.parse(readFileSync(jestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
} else {
  failed += 1;
}

const e2eReport = join(reportDir, 'e2e.json');
if (buildOk) {
  stage('end-to-end', 'npx', ['playwright', 'test', '--config', 'apps/portal-e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  if (existsSync(e2eReport)) {
    const stats = JSON.parse(readFileSync(e2eReport, 'utf8')).stats;
    passed += stats.expected + (stats.flaky ?? 0);
    failed += stats.unexpected;
  } else {
    failed += 1;
  }
} else {
  steps.push({ name: 'end-to-end', ok: false, seconds: 0, skipped: 'build failed' });
  failed += 1;
}

console.log('\n━━ Summary');
for (const s of steps) {
  console.log(`  ${s.ok ? '✓' : '✗'} ${s.name.padEnd(20)} ${s.skipped ?? `${s.seconds.toFixed(1)} s`}`);
}
const allOk = steps.every((s) => s.ok);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(allOk && failed === 0 ? 0 : 1);
