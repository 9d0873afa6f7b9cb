#!/usr/bin/env node
// Benchmark of the certificate PDF (Certificates issue), in this process, one PDF after another:
//  1. fonts parsed once — one CertificatePdfRenderer renders `--count` certificates for varied
//     learners, courses and serials, as a worker would;
//  2. fonts parsed per document — a new renderer for each of `--per-document` certificates, so every
//     PDF reads and parses the four Noto fonts again (what pdfkit does when given font files).
// Prints PDFs/s, wall and CPU ms per PDF, bytes per PDF and RSS; asserts nothing. CPU ms is the
// figure to compare on a busy machine (wall time includes waiting for a core). Usage (after
// `npx nx run certificate-pdf:build`):
//   node packages/tooling/src/bench/certificate-pdf.mjs [--count 300] [--per-document 30] [--out FILE.pdf]
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { ROOT } from '../lib/process.mjs';

const DIST = join(ROOT, 'packages/certificate-pdf/dist/index.js');
if (!existsSync(DIST)) {
  console.error('packages/certificate-pdf/dist is missing: run `npx nx run certificate-pdf:build` first.');
  process.exit(1);
}
const { CertificatePdfRenderer } = createRequire(import.meta.url)(DIST);

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '300' },
    'per-document': { type: 'string', default: '30' },
    // Writes the first certificate rendered, to look at.
    out: { type: 'string' },
  },
});
const count = Math.max(1, Number(values.count));
const perDocumentCount = Math.max(1, Number(values['per-document']));

const FAMILY = ['Nguyễn', 'Lò', 'Vừ', 'Quàng', 'Lường', 'Cà', 'Trần', 'Giàng', 'Lê', 'Phạm', 'Sùng', 'Điêu'];
const MIDDLE = ['Thị', 'Văn', 'A', 'Thị Thu', 'Đức', 'Ngọc', 'Minh'];
const GIVEN = ['Hà', 'Thắng', 'Mai', 'Dua', 'Xuân', 'Hạnh', 'Páo', 'Sinh', 'Thủy', 'Dếnh', 'Lan', 'Chứ'];
const COURSES = [
  ['course', 'Cài đặt và sử dụng ứng dụng VNeID'],
  ['course', 'Thanh toán không dùng tiền mặt an toàn'],
  ['course', 'Dịch vụ công trực tuyến cho người dân'],
  ['skill', 'Kỹ năng số cơ bản'],
  ['course', 'Bán hàng trực tuyến cho hợp tác xã và hộ kinh doanh vùng cao'],
];

function certificate(index) {
  const [kind, courseTitle] = COURSES[index % COURSES.length];
  const serial = `DB-2026-${String(index + 1).padStart(6, '0')}`;
  return {
    serial,
    learnerName: `${FAMILY[index % FAMILY.length]} ${MIDDLE[(index >> 2) % MIDDLE.length]} ${GIVEN[(index * 7) % GIVEN.length]}`,
    courseTitle,
    completedOn: new Date(Date.UTC(2026, 11, 7, 2, 30) + index * 60_000),
    issuerName: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
    issuerPlace: 'Điện Biên',
    verificationUrl: `https://hocvu.dienbien.gov.vn/xac-thuc/${serial}`,
    language: index % 10 === 9 ? 'en' : 'vi',
    kind,
  };
}

/** Renders `n` certificates one after another; `rendererFor(i)` picks the renderer of each. */
async function measure(n, rendererFor) {
  let bytes = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) bytes += (await rendererFor(i).render(certificate(i))).length;
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const { user, system } = process.cpuUsage(cpu);
  return {
    wallMs: wallMs / n,
    cpuMs: (user + system) / 1000 / n,
    perSecond: (n * 1000) / wallMs,
    bytes: bytes / n,
  };
}

const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
const row = (label, result) =>
  console.log(
    `${label.padEnd(34)} ${result.perSecond.toFixed(0).padStart(5)} PDFs/s   ` +
      `${result.wallMs.toFixed(2).padStart(6)} ms wall   ${result.cpuMs.toFixed(2).padStart(6)} ms CPU   ` +
      `${Math.round(result.bytes / 1024)} KB/PDF`,
  );

console.log(`certificate PDF, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`);
let started = process.hrtime.bigint();
const renderer = new CertificatePdfRenderer();
const constructMs = Number(process.hrtime.bigint() - started) / 1e6;
started = process.hrtime.bigint();
const first = await renderer.render(certificate(0));
const firstMs = Number(process.hrtime.bigint() - started) / 1e6;
if (values.out) writeFileSync(values.out, first);
console.log(
  `renderer constructed in ${constructMs.toFixed(0)} ms; first PDF ${firstMs.toFixed(0)} ms (tables parsed on first use)`,
);

// Warm-up: the JIT and the layout cache settle over the first hundred PDFs.
await measure(100, () => renderer);
const once = await measure(count, () => renderer);
const rssOnce = process.memoryUsage().rss;
const perDocument = await measure(perDocumentCount, () => new CertificatePdfRenderer());

row(`fonts parsed once (${count} PDFs)`, once);
row(`fonts parsed per PDF (${perDocumentCount} PDFs)`, perDocument);
console.log(
  `per-PDF parsing costs ${(perDocument.cpuMs / once.cpuMs).toFixed(0)}× the CPU; ` +
    `RSS after the first run ${mb(rssOnce)}, peak ${mb(process.resourceUsage().maxRSS * 1024)}`,
);
