import {
  CAMPAIGN_STAGES,
  CAMPAIGN_STATS_REFRESH_SQL,
  campaignReportRequestedKey,
  JobName,
  JOBS,
  OutboxEventType,
  quarterBounds,
  TARGET_GROUPS,
} from '@hocvu/contracts';
import { createTestResources, dropTestResources, TestResources } from '@hocvu/server-kit/testing';
import { Workbook } from 'exceljs';
import { execFileSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

// eslint-disable-next-line @nx/enforce-module-boundaries -- migrations/ is not an Nx project (see data-source-options.ts)
import { MIGRATIONS } from '../../../../../migrations';
import { CertificateFixtures } from '../../../test/certificate-fixtures';
import { producer, startTestWorker, testWorkerConfig, waitFor } from '../../../test/test-worker';
import { RecoverCampaignReportsHandler } from './recover-campaign-reports.handler';
import { ScheduleQuarterlyReportsHandler } from './schedule-quarterly-reports.handler';

type Counts = Record<(typeof CAMPAIGN_STAGES)[number], number>;

const PROBE = join(__dirname, '../../../../../packages/certificate-pdf/test/pdf-probe.mjs');
/** A past quarter, so learners can reach stages before, during and after it. */
const YEAR = 2026;
const QUARTER = 2;
const { start: Q_START, end: Q_END } = quarterBounds(YEAR, QUARTER);
const DAY = 86_400_000;

describe('Quarterly campaign reports (integration)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'hocvu-reports-'));
  // A database of its own: the schedule requests reports for every unit, and the outbox is shared.
  let resources: TestResources;
  let config: ReturnType<typeof testWorkerConfig>;
  let db: Client;
  let provinceId: string;
  let communes: { id: string; name: string }[];

  /** An instant before, inside or after the quarter (or never). */
  const someTime = (): Date | null => {
    const pick = randomInt(4);
    if (pick === 0) return null;
    const from = pick === 1 ? Q_START.getTime() - 60 * DAY : pick === 2 ? Q_START.getTime() : Q_END.getTime();
    return new Date(from + randomInt(1, 60) * DAY - randomInt(3600) * 1000);
  };

  beforeAll(async () => {
    resources = await createTestResources('reports', MIGRATIONS);
    config = testWorkerConfig({
      DATABASE_URL: resources.databaseUrl,
      REDIS_PREFIX: resources.redisPrefix,
      STORAGE_PATH: join(scratch, 'storage'),
    });
    db = new Client({ connectionString: resources.databaseUrl });
    await db.connect();
    const code = String(randomInt(10_000_000, 99_999_999));
    [{ id: provinceId }] = (
      await db.query<{ id: string }>(
        `INSERT INTO admin_units (code, name, kind, population) VALUES ($1, 'Tỉnh Thử Báo Cáo', 'province', 600000)
         RETURNING id`,
        [`P${code}`],
      )
    ).rows;
    communes = [];
    for (const [index, name] of ['Xã Mường Ảng', 'Xã Búng Lao', 'Phường Điện Biên Phủ'].entries()) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO admin_units (code, name, kind, parent_id, population) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [`C${code}${index}`, name, index === 2 ? 'ward' : 'commune', provinceId, 10_000 + index * 1000],
      );
      communes.push({ id: rows[0].id, name });
    }
    // Targets: a count for the province, a percentage of population for one commune, and one per group.
    await db.query(
      `INSERT INTO campaign_targets (year, unit_id, target_group, metric, kind, value, population_base)
       VALUES ($1, $2, NULL, 'confirmed', 'count', 40, NULL),
              ($1, $3, NULL, 'confirmed', 'percent', 0.1, NULL),
              ($1, $3, 'citizen', 'registered', 'count', 5, NULL)`,
      [YEAR, provinceId, communes[0].id],
    );

    // Random activity over the three communes, each stage reached at a random time (or not).
    const fixtures = new CertificateFixtures(db, config);
    const course = await fixtures.course();
    for (let index = 0; index < 90; index += 1) {
      const commune = communes[index % 3];
      const registered = someTime() ?? new Date(Q_START.getTime() - 90 * DAY);
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO users (phone, password_hash, role, full_name, commune_id, target_group, birth_year,
                            disability, attributes_consented_at, created_at)
         VALUES ($1, '!', 'learner', $2, $3, $4, $5, $6, now(), $7) RETURNING id`,
        [
          `+849${String(randomInt(100_000_000)).padStart(8, '0')}`,
          `Người học ${index}`,
          commune.id,
          randomInt(5) === 0 ? null : TARGET_GROUPS[randomInt(TARGET_GROUPS.length)],
          1940 + randomInt(70),
          randomInt(4) === 0,
          registered,
        ],
      );
      const userId = rows[0].id;
      // Each later stage no earlier than the one before, as in life.
      let at: Date | null = registered;
      const next = () => {
        const candidate = someTime();
        at = at && candidate ? new Date(Math.max(at.getTime(), candidate.getTime())) : null;
        return at;
      };
      const enrolledAt = next();
      if (!enrolledAt) continue;
      const { rows: enrolment } = await db.query<{ id: string }>(
        `INSERT INTO enrolments (course_id, user_id, enrolled_at) VALUES ($1, $2, $3) RETURNING id`,
        [course.courseId, userId, enrolledAt],
      );
      const completedAt = next();
      if (!completedAt) continue;
      await db.query(
        `INSERT INTO course_completions (enrolment_id, user_id, course_id, version_id, completed_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [enrolment[0].id, userId, course.courseId, course.versionId, completedAt],
      );
      const issuedAt = next();
      if (!issuedAt) continue;
      const { rows: certificate } = await db.query<{ id: string }>(
        `INSERT INTO certificates (serial, kind, enrolment_id, user_id, course_id, learner_name, title, completed_at,
                                   issued_at, status_list, status_index, credential)
         VALUES ('RP-2026-' || lpad(nextval('certificate_serial_seq')::text, 6, '0'), 'course', $1, $2, $3,
                 'Người học', 'Khoá học', $4, $5, 1, nextval('certificate_status_index_seq'), '{}'::jsonb)
         RETURNING id`,
        [enrolment[0].id, userId, course.courseId, completedAt, issuedAt],
      );
      const confirmedAt = next();
      if (!confirmedAt) continue;
      await db.query(
        `INSERT INTO certificate_attestations (certificate_id, idempotency_key, state, decided_at)
         VALUES ($1, $2, 'confirmed', $3)`,
        [certificate[0].id, `certificate:${certificate[0].id}`, confirmedAt],
      );
    }
    for (const statement of CAMPAIGN_STATS_REFRESH_SQL) await db.query(statement);
  });

  afterAll(async () => {
    await db.end();
    await dropTestResources(resources);
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A commune's (or every commune's) stage counts from the raw tables: to the quarter's end, or within it. */
  async function fromScratch(communeIds: string[], inQuarter: boolean, extra = 'true'): Promise<Counts> {
    const window = (column: string) =>
      inQuarter
        ? `${column} >= $2::timestamptz AND ${column} < $3::timestamptz`
        : `$2::timestamptz IS NOT NULL AND ${column} < $3::timestamptz`;
    const { rows } = await db.query<Counts>(
      `SELECT count(*) FILTER (WHERE ${window('u.created_at')})::int AS registered,
              count(*) FILTER (WHERE (SELECT ${window('min(e.enrolled_at)')} FROM enrolments e WHERE e.user_id = u.id))::int AS enrolled,
              count(*) FILTER (WHERE (SELECT ${window('min(c.completed_at)')} FROM course_completions c WHERE c.user_id = u.id))::int AS completed,
              count(*) FILTER (WHERE (SELECT ${window('min(c.issued_at)')} FROM certificates c
                                       WHERE c.user_id = u.id AND c.revoked_at IS NULL))::int AS certified,
              count(*) FILTER (WHERE (SELECT ${window('min(a.decided_at)')} FROM certificates c
                                        JOIN certificate_attestations a ON a.certificate_id = c.id
                                       WHERE c.user_id = u.id AND c.revoked_at IS NULL AND a.state = 'confirmed'))::int AS confirmed
         FROM users u
        WHERE u.role = 'learner' AND u.status = 'active' AND u.commune_id = ANY($1::uuid[]) AND ${extra}`,
      [communeIds, Q_START, Q_END],
    );
    return rows[0];
  }

  /** Requests a report as the API does: the row and its outbox event in one transaction. */
  async function request(unitId: string): Promise<string> {
    await db.query('BEGIN');
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO campaign_reports (unit_id, year, quarter) VALUES ($1, $2, $3) RETURNING id`,
      [unitId, YEAR, QUARTER],
    );
    await db.query(`INSERT INTO outbox_events (type, dedupe_key, payload) VALUES ($1, $2, $3)`, [
      OutboxEventType.CampaignReportRequested,
      campaignReportRequestedKey(rows[0].id),
      JSON.stringify({ reportId: rows[0].id }),
    ]);
    await db.query(`SELECT pg_notify('hocvu_outbox', '')`);
    await db.query('COMMIT');
    return rows[0].id;
  }

  const reportRow = async (id: string) =>
    (
      await db.query(
        `SELECT status, progress_percent AS "progress", attempts, xlsx_key AS "xlsxKey", pdf_key AS "pdfKey",
                xlsx_bytes AS "xlsxBytes", pdf_bytes AS "pdfBytes", figures, error
           FROM campaign_reports WHERE id = $1`,
        [id],
      )
    ).rows[0];

  it('generates a province report from an outbox request: figures equal a count from scratch, in XLSX and PDF', async () => {
    const worker = await startTestWorker(config);
    try {
      const id = await request(provinceId);
      await waitFor(async () => (await reportRow(id)).status === 'done', 30_000, 'report generated');
      const row = await reportRow(id);
      expect(row).toMatchObject({ progress: 100, attempts: 1, error: null });
      const figures = row.figures;
      const all = communes.map((commune) => commune.id);

      // The figures: to the quarter's end and within it, per commune, per group, inclusion.
      expect(figures.partial).toBe(false);
      expect(figures.periodEnd).toBe(Q_END.toISOString());
      expect(figures.total.toDate).toEqual(await fromScratch(all, false));
      expect(figures.total.inQuarter).toEqual(await fromScratch(all, true));
      expect(figures.total.toDate.registered).toBeGreaterThan(figures.total.inQuarter.registered);
      for (const commune of figures.communes) {
        expect(commune.toDate).toEqual(await fromScratch([commune.id], false));
        expect(commune.inQuarter).toEqual(await fromScratch([commune.id], true));
        for (const group of commune.groups) {
          const filter = group.targetGroup
            ? `u.target_group = '${group.targetGroup}'`
            : 'u.target_group IS NULL';
          expect(group.toDate).toEqual(await fromScratch([commune.id], false, filter));
        }
      }
      expect(figures.inclusion.disability).toEqual(await fromScratch(all, false, 'u.disability'));
      expect(figures.inclusion.elderly).toEqual(
        await fromScratch(all, false, 'u.birth_year <= extract(year FROM now())::int - 60'),
      );

      // Targets: 40 confirmed for the province; 0.1 % of Mường Ảng's 10,000 people = 10.
      expect(figures.total.targets.confirmed).toEqual({
        targetCount: 40,
        progressPercent: Math.round((figures.total.toDate.confirmed / 40) * 1000) / 10,
      });
      const muongAng = figures.communes.find((commune: { id: string }) => commune.id === communes[0].id);
      expect(muongAng.targets.confirmed.targetCount).toBe(10);
      expect(
        muongAng.groups.find((g: { targetGroup: string }) => g.targetGroup === 'citizen')?.targets,
      ).toEqual({
        registered: expect.objectContaining({ targetCount: 5 }),
      });
      // Ranked by progress against the confirmed target; communes without one after those with one.
      expect(figures.communes.map((commune: { rank: number }) => commune.rank)).toEqual([1, 2, 3]);
      expect(figures.communes[0].id).toBe(communes[0].id);

      // The workbook states the same numbers.
      const xlsxPath = join(scratch, 'storage', row.xlsxKey);
      expect(row.xlsxKey).toMatch(/^reports\/.+\/bao-cao-quy-2-2026-tinh-thu-bao-cao\.xlsx$/);
      expect(readFileSync(xlsxPath).length).toBe(row.xlsxBytes);
      const workbook = new Workbook();
      await workbook.xlsx.readFile(xlsxPath);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Tổng hợp',
        'Theo xã, phường',
        'Theo nhóm đối tượng',
      ]);
      const summary = workbook.getWorksheet('Tổng hợp')!;
      const summaryRows = summary.getSheetValues().filter(Boolean) as unknown[][];
      expect(summaryRows[1][1]).toBe('Quý II/2026 — Tỉnh Thử Báo Cáo');
      const confirmedLine = summaryRows.find((values) => values[1] === 'Xác nhận trên VNeID')!;
      expect(confirmedLine.slice(2, 5)).toEqual([
        figures.total.toDate.confirmed,
        figures.total.inQuarter.confirmed,
        40,
      ]);
      const communeSheet = workbook.getWorksheet('Theo xã, phường')!;
      const communeLines = (communeSheet.getSheetValues().filter(Boolean) as unknown[][]).filter(
        (values) => typeof values[1] === 'number',
      );
      expect(communeLines.map((values) => values[2])).toEqual(
        figures.communes.map((commune: { name: string }) => commune.name),
      );
      expect(communeLines[0].slice(4, 9)).toEqual(
        CAMPAIGN_STAGES.map((stage) => figures.communes[0].toDate[stage]),
      );

      // The PDF: Vietnamese text as written (every diacritic from the embedded Noto font), communes listed.
      const pdfPath = join(scratch, 'storage', row.pdfKey);
      const [probed] = JSON.parse(execFileSync('node', [PROBE, pdfPath], { encoding: 'utf8' })) as {
        pageList: { items: { str: string }[]; fonts: string[] }[];
      }[];
      const text = probed.pageList.flatMap((page) => page.items.map((item) => item.str)).join(' ');
      expect(text).toContain('BÁO CÁO KẾT QUẢ PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”');
      expect(text).toContain('Quý II/2026 — Tỉnh Thử Báo Cáo');
      for (const commune of communes) expect(text).toContain(commune.name);
      expect(text).toContain('Người cao tuổi (từ 60 tuổi)');
      expect(
        new Set(probed.pageList.flatMap((page) => page.fonts.map((font) => font.replace(/^[A-Z]+\+/, '')))),
      ).toEqual(new Set(['NotoSans-Regular', 'NotoSans-Bold']));
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('a report whose worker died half-way is finished by the retry with one set of files; a finished one is left alone', async () => {
    const worker = await startTestWorker(config);
    const { queue, events, close } = producer(config, JOBS[JobName.CampaignReportRequested].queue);
    try {
      const id = await request(communes[1].id);
      await waitFor(async () => (await reportRow(id)).status === 'done', 30_000, 'report generated');
      const first = await reportRow(id);
      expect(first.figures.communes).toHaveLength(1);
      expect(first.figures.unit.kind).toBe('commune');

      // As a killed worker leaves it: running at 35 %, its job offered again by BullMQ.
      await db.query(`UPDATE campaign_reports SET status = 'running', progress_percent = 35 WHERE id = $1`, [
        id,
      ]);
      const retry = await queue.add(
        JobName.CampaignReportRequested,
        { reportId: id },
        { jobId: `retry-${randomUUID()}` },
      );
      expect(await retry.waitUntilFinished(events, 30_000)).toMatchObject({ outcome: 'done' });
      const second = await reportRow(id);
      expect(second).toMatchObject({
        status: 'done',
        attempts: 2,
        xlsxKey: first.xlsxKey,
        pdfKey: first.pdfKey,
      });
      expect(readdirSync(join(scratch, 'storage', 'reports', id)).sort()).toEqual([
        'bao-cao-quy-2-2026-xa-bung-lao.pdf',
        'bao-cao-quy-2-2026-xa-bung-lao.xlsx',
      ]);

      // A duplicate delivery of a finished report changes nothing.
      const again = await queue.add(
        JobName.CampaignReportRequested,
        { reportId: id },
        { jobId: `again-${randomUUID()}` },
      );
      expect(await again.waitUntilFinished(events, 30_000)).toEqual({ outcome: 'not-pending' });
      expect((await reportRow(id)).attempts).toBe(2);
    } finally {
      await close();
      await worker.close();
    }
  }, 60_000);

  it('a report that keeps failing ends failed with the reason, not "generating" for ever', async () => {
    const worker = await startTestWorker(config);
    const { queue, events, close } = producer(config, JOBS[JobName.CampaignReportRequested].queue);
    try {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO campaign_reports (unit_id, year, quarter) VALUES ($1, $2, 1) RETURNING id`,
        [communes[2].id, YEAR],
      );
      // Storage that cannot be written: a file where the reports folder should be.
      const blocked = join(scratch, 'blocked');
      writeFileSync(blocked, '');
      await worker.close();
      const broken = await startTestWorker({ ...config, STORAGE_PATH: blocked });
      try {
        const job = await queue.add(
          JobName.CampaignReportRequested,
          { reportId: rows[0].id },
          { jobId: `fail-${randomUUID()}`, attempts: 1 },
        );
        await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow();
        await waitFor(async () => (await reportRow(rows[0].id)).status === 'failed', 10_000, 'report failed');
        expect((await reportRow(rows[0].id)).error).toEqual(expect.any(String));
      } finally {
        await broken.close();
      }
    } finally {
      await close();
    }
  }, 60_000);

  it('a report whose job was lost is asked for again under a new job id, and failed after a few tries', async () => {
    const worker = await startTestWorker(config);
    const dataSource = await new DataSource({ type: 'postgres', url: resources.databaseUrl }).initialize();
    try {
      const insert = async (unit: number, updatedAgo: string, requeues: number) =>
        (
          await db.query<{ id: string }>(
            `INSERT INTO campaign_reports (unit_id, year, quarter, updated_at, requeues, status)
             VALUES ($1, $2, 4, now() - $3::interval, $4, 'queued') RETURNING id`,
            [communes[unit].id, YEAR - 1, updatedAgo, requeues],
          )
        ).rows[0].id;
      // Queued 20 minutes ago and its job is gone (no outbox event, nothing in Redis).
      const lost = await insert(0, '20 minutes', 0);
      // Lost three times already: given up.
      const hopeless = await insert(1, '20 minutes', 3);
      // Queued a minute ago: its job may well be on its way.
      const fresh = await insert(2, '1 minute', 1);

      const recover = new RecoverCampaignReportsHandler(dataSource);
      expect(await recover.handle({ staleMinutes: 10, maxRequeues: 3 })).toEqual({ requeued: 1, failed: 1 });
      await waitFor(async () => (await reportRow(lost)).status === 'done', 30_000, 'lost report generated');
      expect(
        (await db.query(`SELECT dedupe_key FROM outbox_events WHERE payload->>'reportId' = $1`, [lost])).rows,
      ).toEqual([{ dedupe_key: `${campaignReportRequestedKey(lost)}:requeue-1` }]);
      expect(await reportRow(hopeless)).toMatchObject({
        status: 'failed',
        error: 'The report was not generated after 4 tries; request it again',
      });
      expect((await reportRow(fresh)).status).toBe('queued');
      // Nothing else is stale now: a second run changes nothing.
      expect(await recover.handle({ staleMinutes: 10, maxRequeues: 3 })).toEqual({ requeued: 0, failed: 0 });
    } finally {
      await dataSource.destroy();
      await worker.close();
    }
  }, 60_000);

  it('the quarterly schedule requests the ended quarter’s report once per unit, however often it runs', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: resources.databaseUrl }).initialize();
    try {
      const schedule = new ScheduleQuarterlyReportsHandler(dataSource);
      const firstOfOctober = new Date('2026-10-01T06:00:00+07:00');
      const runs = await Promise.all([
        schedule.handle({}, undefined, firstOfOctober),
        schedule.handle({}, undefined, firstOfOctober),
      ]);
      expect(runs.map((run) => run.requested).sort()).toEqual([0, 4]); // the province and its 3 communes
      expect(await schedule.handle({}, undefined, new Date('2026-12-31T23:00:00+07:00'))).toEqual({
        requested: 0,
      });
      const { rows } = await db.query<{ unitId: string; quarter: number; events: number }>(
        `SELECT r.unit_id AS "unitId", r.quarter,
                (SELECT count(*)::int FROM outbox_events o WHERE o.dedupe_key = $1 || r.id) AS events
           FROM campaign_reports r WHERE r.scheduled`,
        [`${OutboxEventType.CampaignReportRequested}:`],
      );
      expect(rows.map((row) => row.unitId).sort()).toEqual([provinceId, ...communes.map((c) => c.id)].sort());
      expect(rows.every((row) => row.quarter === 3 && row.events === 1)).toBe(true);
    } finally {
      await dataSource.destroy();
    }
  });
});
