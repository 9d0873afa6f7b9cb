#!/usr/bin/env node
// Benchmark: roster import of a 50,000-row XLSX workbook through the built API (issue target: ≤ 60 s).
// A throw-away database with the demo seed (45 communes, a province admin); the workbook is generated
// here with exceljs (every row a new learner: name, phone, half with a citizen id, birth date, gender,
// commune, target group, a third with consented attributes). Times the dry run (POST /api/rosters/preview)
// and the import (POST /api/rosters/import, one transaction), then a re-import (every row matches an
// existing account). Prints rows/s; asserts nothing. Usage (after `npx nx run-many -t build`):
//   node packages/tooling/src/bench/roster-import.mjs [--rows 50000]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { API_NODE_ARGS, ROOT } from '../lib/process.mjs';
import { benchDatabase, benchEnv, migrateBenchDatabase, rssMb, waitForApi } from './bench-stack.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const { Client } = require('pg');
const { Workbook } = require('exceljs');

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' } } });
const rows = Number(values.rows);
const port = 3392;
const base = `http://127.0.0.1:${port}`;
const database = benchDatabase();
const env = {
  ...benchEnv(database.url, port),
  DATA_ENCRYPTION_ACTIVE_KEY_ID: 'k1',
  DATA_LOOKUP_KEY_ID: 'k1',
};

const HEADER = [
  'họ và tên',
  'số điện thoại',
  'số định danh',
  'ngày sinh',
  'giới tính',
  'xã/phường',
  'nhóm đối tượng',
  'đồng ý cung cấp thông tin',
  'khuyết tật',
  'dân tộc',
  'mã hộ gia đình',
];
const GROUPS = ['cán bộ/công chức', 'học sinh/sinh viên', 'người lao động doanh nghiệp', 'người dân'];
const FAMILY = ['Lò', 'Quàng', 'Cầm', 'Lường', 'Nguyễn', 'Vì', 'Giàng', 'Sùng'];

async function workbookOf(communes) {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(HEADER);
  for (let i = 0; i < rows; i += 1) {
    const consented = i % 3 === 0;
    sheet.addRow([
      `${FAMILY[i % FAMILY.length]} Văn Học ${i}`,
      `09${String(10_000_000 + i).padStart(8, '0')}`,
      i % 2 === 0 ? `011${String(100_000_000 + i).padStart(9, '0')}` : '',
      `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1950 + (i % 55)}`,
      i % 2 === 0 ? 'nam' : 'nữ',
      communes[i % communes.length],
      GROUPS[i % GROUPS.length],
      consented ? 'có' : '',
      consented ? (i % 10 === 0 ? 'có' : 'không') : '',
      consented ? 'Thái' : '',
      consented ? `HGD-${Math.floor(i / 4)}` : '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function post(path, token, body) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  const seconds = (performance.now() - started) / 1000;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json).slice(0, 500)}`);
  return { json, seconds };
}

let api;
try {
  migrateBenchDatabase(ROOT, env);
  const seed = spawn('node', ['apps/api/dist/apps/api/src/cli.js', 'seed'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  await new Promise((resolve, reject) =>
    seed.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}`)))),
  );
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const communes = (
    await db.query(`SELECT name FROM admin_units WHERE kind IN ('commune', 'ward') ORDER BY code`)
  ).rows.map((row) => row.name);

  const generated = performance.now();
  const xlsx = await workbookOf(communes);
  console.log(
    `Roster import: ${rows.toLocaleString('en')} rows over ${communes.length} communes, XLSX ${(xlsx.length / 1024 / 1024).toFixed(1)} MB ` +
      `(generated in ${((performance.now() - generated) / 1000).toFixed(1)} s); ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`,
  );

  api = spawn('node', [...API_NODE_ARGS, join(ROOT, 'apps/api/dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForApi(base);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: '0911000001', password: 'hocvu2026' }),
  });
  const { accessToken } = await login.json();
  const body = { xlsx: xlsx.toString('base64') };
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.pid))), 100);

  const preview = await post('/api/rosters/preview', accessToken, body);
  console.log(
    `  preview:   ${preview.seconds.toFixed(1)} s, ${(rows / preview.seconds).toFixed(0)} rows/s ` +
      `(valid ${preview.json.valid}, problems ${preview.json.problems.length})`,
  );
  const imported = await post('/api/rosters/import', accessToken, body);
  console.log(
    `  import:    ${imported.seconds.toFixed(1)} s, ${(rows / imported.seconds).toFixed(0)} rows/s ` +
      `(created ${imported.json.created}, existing ${imported.json.skippedExisting}, problems ${imported.json.problems.length})`,
  );
  const again = await post('/api/rosters/import', accessToken, body);
  console.log(
    `  re-import: ${again.seconds.toFixed(1)} s, ${(rows / again.seconds).toFixed(0)} rows/s ` +
      `(created ${again.json.created}, existing ${again.json.skippedExisting})`,
  );
  clearInterval(sampler);
  console.log(`  API peak RSS ${peak.toFixed(0)} MB (target: import of 50,000 rows ≤ 60 s)`);
  await db.end();
} finally {
  api?.kill('SIGTERM');
  await new Promise((resolve) => (api && api.exitCode === null ? api.once('exit', resolve) : resolve()));
  database.drop();
}
