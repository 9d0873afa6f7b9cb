#!/usr/bin/env node
// Signing and verification speed of certificate credentials (@hocvu/credentials): VC 2.0 Open Badges 3.0
// credentials with an eddsa-rdfc-2022 proof, in this process, no database. Signs N distinct credentials
// one after another, then N more with C in flight at once (one process: concurrency only overlaps the
// async steps, it adds no CPU), then verifies them (signature + status list) the same two ways.
// Prints credentials/s and ms per credential, by the clock and by the CPU time this process used (the
// figure that holds on a busy machine); asserts nothing. Usage (after `npx nx run credentials:build`):
//   node packages/tooling/src/bench/credential-sign.mjs [--count 500] [--concurrency 4] [--profile DIR]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { ROOT } from '../lib/process.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const credentials = require(join(ROOT, 'packages/credentials/dist/index.js'));

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '4' },
    // Writes a V8 CPU profile of the sequential signing run into this folder.
    profile: { type: 'string' },
  },
});
const count = Number(values.count);
const concurrency = Number(values.concurrency);

const baseUrl = 'https://hocvu.dienbien.gov.vn';
const did = credentials.issuerDid(baseUrl);
const statusListUrl = `${baseUrl}/api/credentials/status/1`;
const key = await credentials.loadIssuerKey(await credentials.generateIssuerKey(did));
const document = credentials.didDocument(did, [key]);
// A realistic list: full length, a few revoked (none of the benchmark's own indexes).
const statusList = await credentials.createStatusListCredential(
  { id: statusListUrl, issuer: did, revokedIndexes: [100_001, 100_002, 100_003] },
  key,
);
const verifyOptions = {
  resolveDidDocument: (candidate) => (candidate === did ? document : undefined),
  fetchStatusList: (url) => (url === statusListUrl ? statusList : undefined),
};

const learners = ['Quàng Thị Hoa', 'Lò Văn Páo', 'Giàng A Sử', 'Nguyễn Thị Ánh Tuyết', 'Lường Văn Ơn'];
/** The i-th certificate: every one different (serial, learner, status index), as in production. */
function input(i) {
  const serial = `DB-2026-${String(i).padStart(6, '0')}`;
  return {
    verificationUrl: `${baseUrl}/xac-minh/${serial}`,
    serial,
    issuer: { did, name: 'Sở Khoa học và Công nghệ tỉnh Điện Biên' },
    validFrom: new Date(Date.UTC(2026, 9, 10, 2, 30, i % 60)),
    learner: { name: `${learners[i % learners.length]} ${i}` },
    achievement: {
      id: `${baseUrl}/khoa-hoc/thanh-toan-khong-dung-tien-mat#chung-nhan`,
      name: 'Thanh toán không dùng tiền mặt',
      description: 'Sử dụng ví điện tử, chuyển khoản và mã QR an toàn.',
      criteriaNarrative: 'Hoàn thành tất cả bài học và đạt bài kiểm tra cuối khoá.',
      humanCode: 'BDHVS-THANH-TOAN-01',
    },
    status: { statusListCredential: statusListUrl, statusListIndex: i },
  };
}

/**
 * Runs `task(i)` for i in [from, from + n) with `inFlight` at a time. Returns wall-clock ms, the CPU ms
 * this process used (user + system: what the work costs, whatever else the machine is doing), results.
 */
async function run(from, n, inFlight, task) {
  const results = new Array(n);
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        const i = next++;
        results[i] = await task(from + i);
      }
    }),
  );
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, results };
}

function line(label, n, { ms, cpuMs }) {
  console.log(
    `${label.padEnd(36)} ${((n / ms) * 1000).toFixed(0).padStart(5)} /s ${(ms / n).toFixed(2).padStart(6)} ms each` +
      `  | CPU ${(cpuMs / n).toFixed(2).padStart(5)} ms each = ${((n / cpuMs) * 1000).toFixed(0).padStart(4)} /s per core`,
  );
}

console.log(
  `Credentials: ${count} per run, concurrency ${concurrency}; node ${process.version}, ${cpus().length} cores, ` +
    `load average ${loadavg()[0].toFixed(2)} at start`,
);

// The first signature pays for processing the JSON-LD contexts, which jsonld.js then keeps.
const cold = await run(0, 1, 1, (i) => credentials.issueCertificateCredential(input(i), key));
console.log(`${'first credential (cold contexts)'.padEnd(36)} ${cold.ms.toFixed(1).padStart(5)} ms`);
await run(1, 50, 1, (i) => credentials.issueCertificateCredential(input(i), key));

let session;
if (values.profile) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const sequential = await run(1000, count, 1, (i) => credentials.issueCertificateCredential(input(i), key));
if (session) {
  const { profile } = await session.post('Profiler.stop');
  const file = join(values.profile, `credential-sign-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`CPU profile of the sequential signing: ${file}`);
  session.disconnect();
}
line('sign, sequential', count, sequential);
const parallel = await run(1000 + count, count, concurrency, (i) =>
  credentials.issueCertificateCredential(input(i), key),
);
line(`sign, concurrency ${concurrency}`, count, parallel);

const signed = [...sequential.results, ...parallel.results];
const verifySequential = await run(0, count, 1, (i) =>
  credentials.verifyCertificateCredential(signed[i], verifyOptions),
);
line('verify (proof + status), sequential', count, verifySequential);
const verifyParallel = await run(count, count, concurrency, (i) =>
  credentials.verifyCertificateCredential(signed[i], verifyOptions),
);
line(`verify, concurrency ${concurrency}`, count, verifyParallel);

const invalid = [...verifySequential.results, ...verifyParallel.results].filter((result) => !result.valid);
if (invalid.length > 0) {
  console.log(`${invalid.length} credentials did not verify, e.g. ${JSON.stringify(invalid[0].problems)}`);
  process.exitCode = 1;
}
console.log(
  `load average ${loadavg()[0].toFixed(2)} at the end (other work on this machine skews the figures)`,
);
