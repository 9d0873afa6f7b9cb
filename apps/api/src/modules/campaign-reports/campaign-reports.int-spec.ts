import {
  campaignReportRequestedKey,
  ErrorCode,
  JobName,
  JOBS,
  OutboxEventType,
  quarterOf,
  Role,
} from '@hocvu/contracts';
import { Queue } from 'bullmq';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

/**
 * Quarterly reports on the real API and database: requests write the report and its outbox event
 * together, a second request joins the one in flight, commune admins are held to their commune on every
 * endpoint, and files are served only once the worker finished them (its side: the worker's spec).
 */
describe('campaign reports (integration)', () => {
  let t: TestApp;
  let communeA: string;
  let communeB: string;
  let provinceId: string;
  let provinceAdmin: SignedInUser;
  let communeAdminA: SignedInUser;
  let communeAdminB: SignedInUser;
  const { year, quarter } = quarterOf(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    ({ provinceId, communeA, communeB } = await aProvinceWithCommunes(t));
    provinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    communeAdminA = await aSignedInUser(t, Role.CommuneAdmin, communeA);
    communeAdminB = await aSignedInUser(t, Role.CommuneAdmin, communeB);
  });
  afterAll(() => t.close());

  const post = (payload: Record<string, unknown>, user: SignedInUser) =>
    t.app.inject({ method: 'POST', url: '/api/campaign/reports', payload, headers: user.auth });
  const get = (url: string, user: SignedInUser) => t.app.inject({ method: 'GET', url, headers: user.auth });
  const outboxOf = (reportId: string) =>
    t.db.query<{ type: string; payload: unknown }[]>(
      `SELECT type, payload FROM outbox_events WHERE dedupe_key = $1`,
      [campaignReportRequestedKey(reportId)],
    );

  /** What the worker leaves behind when it finished a report: files in storage, the row done. */
  async function finish(reportId: string): Promise<void> {
    const keys = { xlsx: `reports/${reportId}/bao-cao.xlsx`, pdf: `reports/${reportId}/bao-cao.pdf` };
    for (const [format, key] of Object.entries(keys)) {
      const path = join(t.config.STORAGE_PATH, key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${format} bytes`);
    }
    await t.db.query(
      `UPDATE campaign_reports SET status = 'done', progress_percent = 100, finished_at = now(),
              xlsx_key = $2, xlsx_bytes = 10, pdf_key = $3, pdf_bytes = 9, figures = '{"partial": true}'
        WHERE id = $1`,
      [reportId, keys.xlsx, keys.pdf],
    );
  }

  it('a request writes the report and its outbox event together; asking again joins the report in flight', async () => {
    const first = await post({ year, quarter, unitId: provinceId }, provinceAdmin);
    expect(first.statusCode).toBe(202);
    const report = first.json();
    expect(report).toMatchObject({
      unitId: provinceId,
      unitKind: 'province',
      year,
      quarter,
      status: 'queued',
      progressPercent: 0,
      scheduled: false,
      requestedByName: expect.any(String),
      files: [],
    });
    expect(await outboxOf(report.id)).toEqual([
      { type: OutboxEventType.CampaignReportRequested, payload: { reportId: report.id } },
    ]);
    const again = await post({ year, quarter, unitId: provinceId }, provinceAdmin);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(report.id);
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'campaign_report.request' AND target_id = $1`,
      [report.id],
    );
    expect(audit).toHaveLength(1);

    // Not downloadable until the worker finished it; then both files, with their names.
    const early = await get(`/api/campaign/reports/${report.id}/xlsx`, provinceAdmin);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe(ErrorCode.CampaignReportNotReady);
    await finish(report.id);
    const done = (await get(`/api/campaign/reports/${report.id}`, provinceAdmin)).json();
    expect(done).toMatchObject({ status: 'done', progressPercent: 100, partial: true });
    expect(done.files).toEqual([
      { format: 'xlsx', fileName: 'bao-cao.xlsx', bytes: 10 },
      { format: 'pdf', fileName: 'bao-cao.pdf', bytes: 9 },
    ]);
    const xlsx = await get(`/api/campaign/reports/${report.id}/xlsx`, provinceAdmin);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="bao-cao.xlsx"');
    expect(xlsx.body).toBe('xlsx bytes');
    expect((await get(`/api/campaign/reports/${report.id}/pdf`, provinceAdmin)).body).toBe('pdf bytes');

    // Once that one is done, a new request makes a new report.
    const later = await post({ year, quarter, unitId: provinceId }, provinceAdmin);
    expect(later.statusCode).toBe(202);
    expect(later.json().id).not.toBe(report.id);
  });

  it('commune admins request, list, read and download their own commune’s reports only', async () => {
    const own = await post({ year, quarter }, communeAdminA);
    expect(own.statusCode).toBe(202);
    expect(own.json()).toMatchObject({ unitId: communeA, unitKind: 'commune' });
    const other = await post({ year, quarter }, communeAdminB);
    expect(other.statusCode).toBe(202);

    for (const unitId of [communeB, provinceId]) {
      const refused = await post({ year, quarter, unitId }, communeAdminA);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe(ErrorCode.UnitOutOfScope);
      expect((await get(`/api/campaign/reports?unitId=${unitId}`, communeAdminA)).statusCode).toBe(403);
    }
    const listed = (await get('/api/campaign/reports', communeAdminA)).json().items as { unitId: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((item) => item.unitId === communeA)).toBe(true);

    // Another commune's report (and the province's) does not exist for them.
    await finish(other.json().id);
    for (const url of [
      `/api/campaign/reports/${other.json().id}`,
      `/api/campaign/reports/${other.json().id}/pdf`,
    ]) {
      const hidden = await get(url, communeAdminA);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe(ErrorCode.CampaignReportNotFound);
    }
    // The province admin sees every unit's.
    const all = (await get('/api/campaign/reports', provinceAdmin)).json().items as { unitId: string }[];
    expect(new Set(all.map((item) => item.unitId))).toEqual(new Set([provinceId, communeA, communeB]));
  });

  it('bad requests get a clear 4xx and queue nothing', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM campaign_reports`))[0].n;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ year, quarter: 5 }, 400, ErrorCode.ValidationFailed],
      [{ year: 'năm nay', quarter: 1 }, 400, ErrorCode.ValidationFailed],
      [{ quarter: 1 }, 400, ErrorCode.ValidationFailed],
      [{ year: year + 1, quarter: 1 }, 400, ErrorCode.CampaignReportQuarterInFuture],
      [{ year, quarter, unitId: 'not-a-uuid' }, 400, ErrorCode.ValidationFailed],
      [{ year, quarter, unitId: '00000000-0000-4000-8000-000000000000' }, 404, ErrorCode.NotFound],
    ];
    for (const [payload, status, code] of cases) {
      const response = await post(payload, provinceAdmin);
      expect({ payload, status: response.statusCode, code: response.json().error.code }).toEqual({
        payload,
        status,
        code,
      });
    }
    expect((await get('/api/campaign/reports/not-a-uuid/pdf', provinceAdmin)).statusCode).toBe(400);
    expect(
      (await get(`/api/campaign/reports/00000000-0000-4000-8000-000000000000/docx`, provinceAdmin))
        .statusCode,
    ).toBe(400);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM campaign_reports`))[0].n).toBe(before);
  });

  it('"refresh now" queues one refresh of the aggregates however often it is pressed while one waits', async () => {
    const queue = new Queue(JOBS[JobName.RefreshCampaignStats].queue, {
      connection: { url: t.config.REDIS_URL },
      prefix: t.config.REDIS_PREFIX,
    });
    const waiting = async () =>
      (await queue.getJobs(['waiting', 'active'])).filter((job) => job.id?.startsWith('refresh-now-'));
    try {
      for (const user of [provinceAdmin, communeAdminA, provinceAdmin]) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/campaign/stats/refresh',
          headers: user.auth,
        });
        expect(response.statusCode).toBe(202);
        expect(response.json()).toHaveProperty('refreshedAt');
      }
      // No worker runs in the API's tests: the first press waits, the others (and any other spec's) joined it.
      const jobs = await waiting();
      expect(jobs).toHaveLength(1);
      expect(jobs[0].name).toBe(JobName.RefreshCampaignStats);
    } finally {
      await queue.close();
    }
  });
});
