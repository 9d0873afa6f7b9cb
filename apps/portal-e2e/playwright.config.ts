import { defineConfig } from '@playwright/test';

import { E2E_PORTAL_URL } from './stack';

/**
 * End-to-end tests drive the built portal in Debian's Chromium against the real API, worker,
 * PostgreSQL (a fresh database per run) and Redis, all started by global-setup.ts.
 */
export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.e2e.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? '../../tmp/e2e-results/report.json' },
    ],
  ],
  outputDir: '../../tmp/e2e-results',
  use: {
    baseURL: E2E_PORTAL_URL,
    locale: 'vi-VN',
    // A common cheap Android phone.
    viewport: { width: 360, height: 740 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
});
