import { certificateUrls, ErrorCode, formatCertificateSerial, Role } from '@hocvu/contracts';
import {
  type CertificateCredential,
  issueCertificateCredential,
  loadIssuerKey,
  statusBit,
  type StatusListCredential,
} from '@hocvu/credentials';
import { TEST_CERTIFICATE_SIGNING_KEY } from '@hocvu/server-kit/testing';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { aCourse, aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

/**
 * Certificates through the real API on PostgreSQL: what holders, anyone and admins can do once the
 * worker has issued a certificate. Issuance itself is the worker's (apps/worker/src/jobs/certificates,
 * tested there); `anIssuedCertificate` stores one the way it does: a credential signed with the run's
 * issuer key, in its own status-list slot.
 */
describe('certificates (integration)', () => {
  let t: TestApp;
  let teacher: SignedInUser;
  let learner: SignedInUser;
  let otherLearner: SignedInUser;
  let provinceAdmin: SignedInUser;
  let secondProvinceAdmin: SignedInUser;
  let communeAdmin: SignedInUser;
  let communeA: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ communeA } = await aProvinceWithCommunes(t));
    teacher = await aSignedInUser(t, Role.Teacher);
    learner = await aSignedInUser(t, Role.Learner, communeA);
    otherLearner = await aSignedInUser(t, Role.Learner, communeA);
    provinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    secondProvinceAdmin = await aSignedInUser(t, Role.ProvinceAdmin);
    communeAdmin = await aSignedInUser(t, Role.CommuneAdmin, communeA);
  });
  afterAll(() => t.close());

  async function anIssuedCertificate(user: SignedInUser, name = 'Quàng Thị Hoa'): Promise<string> {
    // One certificate per enrolment: each certificate gets a course of its own.
    const { id: courseId, slug: courseSlug } = await aCourse(t, teacher, { title: 'Sử dụng VNeID an toàn' });
    const [version] = await t.db.query<{ id: string }[]>(
      `SELECT id FROM course_versions WHERE course_id = $1 ORDER BY version DESC LIMIT 1`,
      [courseId],
    );
    const [enrolment] = await t.db.query<{ id: string }[]>(
      `INSERT INTO enrolments (course_id, user_id) VALUES ($1, $2)
       ON CONFLICT (course_id, user_id) DO UPDATE SET source = enrolments.source RETURNING id`,
      [courseId, user.id],
    );
    await t.db.query(
      `INSERT INTO course_completions (enrolment_id, user_id, course_id, version_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [enrolment.id, user.id, courseId, version.id],
    );
    const serial = formatCertificateSerial('DB', 2026, randomInt(1, 999_999));
    // Slots from the sequence the worker uses, so certificates made by other specs of the run never collide.
    const [{ statusIndex }] = await t.db.query<{ statusIndex: number }[]>(
      `SELECT nextval('certificate_status_index_seq')::int AS "statusIndex"`,
    );
    const key = await loadIssuerKey(JSON.parse(TEST_CERTIFICATE_SIGNING_KEY));
    const credential = await issueCertificateCredential(
      {
        verificationUrl: certificateUrls.verification(t.config.PUBLIC_URL, serial),
        serial,
        issuer: { did: key.controller, name: t.config.CERTIFICATE_ISSUER_NAME },
        validFrom: new Date(Date.now() - 60_000),
        learner: { name },
        achievement: {
          id: certificateUrls.courseAchievement(t.config.PUBLIC_URL, courseSlug),
          name: 'Sử dụng VNeID an toàn',
          description: 'Cài đặt và dùng ứng dụng VNeID',
          criteriaNarrative: 'Hoàn thành tất cả bài học.',
        },
        status: {
          statusListCredential: certificateUrls.statusList(t.config.PUBLIC_URL, 1),
          statusListIndex: statusIndex,
        },
      },
      key,
    );
    await t.db.query(
      `INSERT INTO certificates (serial, kind, enrolment_id, user_id, course_id, learner_name, title, completed_at,
                                 status_list, status_index, credential)
       VALUES ($1, 'course', $2, $3, $4, $5, 'Sử dụng VNeID an toàn', now() - interval '1 minute', 1, $6, $7)`,
      [serial, enrolment.id, user.id, courseId, name, statusIndex, JSON.stringify(credential)],
    );
    return serial;
  }

  const get = (url: string, user?: SignedInUser) =>
    t.app.inject({ method: 'GET', url, ...(user ? { headers: user.auth } : {}) });
  const post = (url: string, payload: unknown, user?: SignedInUser) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as Record<string, unknown>,
      ...(user ? { headers: user.auth } : {}),
    });

  describe('the issuer', () => {
    it('serves its did:web document at /.well-known/did.json, outside /api', async () => {
      const response = await get('/.well-known/did.json');
      expect(response.statusCode).toBe(200);
      const document = response.json<{ id: string; assertionMethod: string[] }>();
      expect(document.id).toBe('did:web:127.0.0.1%3A8080');
      expect(document.assertionMethod).toEqual([JSON.parse(TEST_CERTIFICATE_SIGNING_KEY).id]);
      expect(JSON.stringify(document)).not.toContain('secretKey');
    });

    it('serves status list 1 before anything is revoked, and no list nobody uses', async () => {
      const list = await get('/api/credentials/status/1');
      expect(list.statusCode).toBe(200);
      expect(list.json<StatusListCredential>().type).toContain('BitstringStatusListCredential');
      expect((await get('/api/credentials/status/77')).json().error.code).toBe(ErrorCode.NotFound);
      expect((await get('/api/credentials/status/abc')).statusCode).toBe(400);
    });
  });

  describe('holders', () => {
    it('list and open their own certificates, but not anyone else’s', async () => {
      const serial = await anIssuedCertificate(learner);
      const list = await get('/api/me/certificates', learner);
      expect(list.json().items.map((item: { serial: string }) => item.serial)).toContain(serial);
      const detail = await get(`/api/me/certificates/${serial}`, learner);
      expect(detail.json()).toMatchObject({
        serial,
        kind: 'course',
        status: 'valid',
        verificationUrl: `http://127.0.0.1:8080/verify/${serial}`,
        attestation: null,
      });
      const foreign = await get(`/api/me/certificates/${serial}`, otherLearner);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe(ErrorCode.CertificateNotFound);
      expect((await get(`/api/me/certificates/${serial}/certificate.pdf`, otherLearner)).statusCode).toBe(
        404,
      );
      expect((await get(`/api/me/certificates/${serial}/credential.json`, otherLearner)).statusCode).toBe(
        404,
      );
      expect((await get('/api/me/certificates/..%2F..%2Fetc', learner)).statusCode).toBe(404);
    });

    it('download the PDF, rendered once and then served from storage byte for byte', async () => {
      const serial = await anIssuedCertificate(learner, 'Lò Văn Thắng');
      const first = await get(`/api/me/certificates/${serial}/certificate.pdf`, learner);
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toBe('application/pdf');
      expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(existsSync(join(t.config.STORAGE_PATH, 'certificates', `${serial}.pdf`))).toBe(true);
      const second = await get(`/api/me/certificates/${serial}/certificate.pdf`, learner);
      expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    });

    it('download the signed credential as JSON', async () => {
      const serial = await anIssuedCertificate(learner);
      const response = await get(`/api/me/certificates/${serial}/credential.json`, learner);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain(`chung-nhan-${serial}.json`);
      const credential = response.json<CertificateCredential>();
      expect(credential.credentialSubject.licenseNumber).toBe(serial);
      expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    });
  });

  describe('public verification', () => {
    it('shows the details with the name partly masked, and nothing for unknown or malformed serials', async () => {
      const serial = await anIssuedCertificate(learner, 'Quàng Thị Hoa');
      const response = await get(`/api/verify/${serial}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        serial,
        learnerNameMasked: 'Quàng T** H**',
        title: 'Sử dụng VNeID an toàn',
        issuerName: t.config.CERTIFICATE_ISSUER_NAME,
        issuerDid: 'did:web:127.0.0.1%3A8080',
        status: 'valid',
        revokedReason: null,
        confirmedOnVneid: false,
      });
      expect(response.body).not.toContain('Quàng Thị Hoa');
      expect((await get('/api/verify/DB-2026-000000')).json().error.code).toBe(ErrorCode.CertificateNotFound);
      expect((await get(`/api/verify/${encodeURIComponent("x' OR 1=1 --")}`)).statusCode).toBe(404);
    });

    it('verifies an uploaded credential, and refuses an edited one with the reason', async () => {
      const serial = await anIssuedCertificate(learner, 'Giàng Thị Dua');
      const credential = (
        await get(`/api/me/certificates/${serial}/credential.json`, learner)
      ).json<CertificateCredential>();

      const valid = await post('/api/verify/credential', { credential });
      expect(valid.statusCode).toBe(200);
      expect(valid.json()).toMatchObject({
        status: 'valid',
        problems: [],
        certificate: { serial, status: 'valid' },
      });

      const edited = structuredClone(credential);
      edited.credentialSubject.achievement.name = 'Thạc sĩ công nghệ thông tin';
      const invalid = await post('/api/verify/credential', { credential: edited });
      expect(invalid.json().status).toBe('invalid');
      expect(invalid.json().problems.map((p: { code: string }) => p.code)).toContain('SIGNATURE_INVALID');
      expect(invalid.json().certificate).toBeNull();

      const missing = await post('/api/verify/credential', { credential: 'not an object' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.code).toBe(ErrorCode.ValidationFailed);
      const garbage = await post('/api/verify/credential', { credential: { hello: 'world' } });
      expect(garbage.json().status).toBe('invalid');
      expect(new Set(garbage.json().problems.map((p: { code: string }) => p.code))).toEqual(
        new Set(['MALFORMED']),
      );
    });
  });

  describe('revocation', () => {
    it('revokes with a reason: audited, the page and the status list say so, and an uploaded copy fails', async () => {
      const serial = await anIssuedCertificate(learner, 'Lường Văn Minh');
      const credential = (
        await get(`/api/me/certificates/${serial}/credential.json`, learner)
      ).json<CertificateCredential>();
      const index = Number(credential.credentialStatus.statusListIndex);

      expect(
        (await post(`/api/admin/certificates/${serial}/revoke`, { reason: 'x' }, provinceAdmin)).statusCode,
      ).toBe(400);
      expect(
        (await post(`/api/admin/certificates/${serial}/revoke`, { reason: 'Cấp nhầm' }, communeAdmin))
          .statusCode,
      ).toBe(403);

      const revoked = await post(
        `/api/admin/certificates/${serial}/revoke`,
        { reason: 'Cấp nhầm người học (trùng tên)' },
        provinceAdmin,
      );
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({
        status: 'revoked',
        revokedReason: 'Cấp nhầm người học (trùng tên)',
      });

      const again = await post(
        `/api/admin/certificates/${serial}/revoke`,
        { reason: 'Lần thứ hai' },
        provinceAdmin,
      );
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe(ErrorCode.CertificateAlreadyRevoked);

      const page = (await get(`/api/verify/${serial}`)).json();
      expect(page).toMatchObject({ status: 'revoked', revokedReason: 'Cấp nhầm người học (trùng tên)' });

      const list = (await get('/api/credentials/status/1')).json<StatusListCredential>();
      expect(await statusBit(list.credentialSubject.encodedList, index)).toBe(true);

      const upload = (await post('/api/verify/credential', { credential })).json();
      expect(upload.status).toBe('revoked');
      expect(upload.problems.map((p: { code: string }) => p.code)).toEqual(['REVOKED']);

      const [audit] = await t.db.query<{ actorId: string; details: { reason: string; serial: string } }[]>(
        `SELECT actor_id AS "actorId", details FROM audit_log WHERE action = 'certificate.revoke' AND details->>'serial' = $1`,
        [serial],
      );
      expect(audit).toMatchObject({
        actorId: provinceAdmin.id,
        details: { reason: 'Cấp nhầm người học (trùng tên)' },
      });
      expect((await get(`/api/me/certificates/${serial}`, learner)).json().status).toBe('revoked');
    });

    it('a revoked certificate not yet sent to VNeID is never sent, nor retried', async () => {
      const serial = await anIssuedCertificate(learner, 'Vì Văn Quân');
      const [{ id }] = await t.db.query<{ id: string }[]>(`SELECT id FROM certificates WHERE serial = $1`, [
        serial,
      ]);
      await t.db.query(
        `INSERT INTO certificate_attestations (certificate_id, idempotency_key) VALUES ($1, $2)`,
        [id, `certificate:${id}`],
      );
      await post(
        `/api/admin/certificates/${serial}/revoke`,
        { reason: 'Thu hồi trước khi gửi' },
        provinceAdmin,
      );
      const [row] = await t.db.query<{ state: string; lastError: string }[]>(
        `SELECT state, last_error AS "lastError" FROM certificate_attestations WHERE certificate_id = $1`,
        [id],
      );
      expect(row).toEqual({ state: 'failed', lastError: 'Revoked before it was sent to VNeID: not sent' });
      const retry = await post(`/api/admin/attestations/${id}/retry`, {}, provinceAdmin);
      expect(retry.statusCode).toBe(409);
      expect(retry.json().error.code).toBe(ErrorCode.AttestationNotRetryable);
      await post('/api/admin/attestations/retry-all', {}, provinceAdmin);
      const [after] = await t.db.query<{ state: string }[]>(
        `SELECT state FROM certificate_attestations WHERE certificate_id = $1`,
        [id],
      );
      expect(after.state).toBe('failed');
    });

    it('admins find certificates by serial, name or phone', async () => {
      const serial = await anIssuedCertificate(otherLearner, 'Tòng Văn Sơn');
      const bySerial = (await get(`/api/admin/certificates?q=${serial}`, communeAdmin)).json();
      expect(bySerial.items.map((item: { serial: string }) => item.serial)).toEqual([serial]);
      const byName = (
        await get(`/api/admin/certificates?q=${encodeURIComponent('Tòng Văn')}`, provinceAdmin)
      ).json();
      expect(byName.items.map((item: { serial: string }) => item.serial)).toContain(serial);
      const revokedOnly = (await get('/api/admin/certificates?status=revoked', provinceAdmin)).json();
      expect(revokedOnly.items.every((item: { status: string }) => item.status === 'revoked')).toBe(true);
      expect((await get('/api/admin/certificates?status=maybe', provinceAdmin)).statusCode).toBe(400);
    });
  });

  describe('skill-certificate batches (four eyes)', () => {
    async function programmeId(): Promise<string> {
      const response = await get('/api/admin/skill-programmes', communeAdmin);
      const items = response.json<{ items: { id: string; code: string }[] }>().items;
      expect(items.map((item) => item.code)).toContain('KNS-CB-NGUOI-DAN');
      return items.find((item) => item.code === 'KNS-CB-NGUOI-DAN')!.id;
    }

    it('refuses a list with unknown, duplicate or out-of-commune learners, saving nothing', async () => {
      const { communeB } = await aProvinceWithCommunes(t);
      const outsider = await aSignedInUser(t, Role.Learner, communeB);
      const before = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM certificate_batches`);
      const response = await post(
        '/api/admin/certificate-batches',
        {
          skillProgrammeId: await programmeId(),
          title: 'Lớp kỹ năng số bản Na Son',
          reason: 'Đạt bài đánh giá trực tiếp',
          assessedOn: '2026-11-20',
          learners: [
            learner.phone,
            'not a phone',
            '0399999999',
            learner.phone,
            outsider.phone,
            teacher.phone,
          ],
        },
        communeAdmin,
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe(ErrorCode.BatchLearnersInvalid);
      expect(response.json().error.details.problems).toEqual([
        { line: 2, value: 'not a phone', problem: 'invalid' },
        { line: 3, value: '0399999999', problem: 'not_found' },
        { line: 4, value: learner.phone, problem: 'duplicate' },
        { line: 5, value: outsider.phone, problem: 'outside_commune' },
        { line: 6, value: teacher.phone, problem: 'not_a_learner' },
      ]);
      const after = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM certificate_batches`);
      expect(after[0].n).toBe(before[0].n);
    });

    it('the preparer cannot approve; another admin can, once; approval queues issuance; all audited', async () => {
      const prepared = await post(
        '/api/admin/certificate-batches',
        {
          skillProgrammeId: await programmeId(),
          title: 'Lớp kỹ năng số bản Na Son, tháng 11/2026',
          reason: 'Đạt bài đánh giá trực tiếp ngày 20/11/2026',
          assessedOn: '2026-11-20',
          learners: [learner.phone, otherLearner.phone],
        },
        communeAdmin,
      );
      expect(prepared.statusCode).toBe(201);
      const batch = prepared.json<{ id: string; state: string; itemCount: number; items: unknown[] }>();
      expect(batch).toMatchObject({ state: 'pending', itemCount: 2 });

      const selfApproval = await post(`/api/admin/certificate-batches/${batch.id}/approve`, {}, communeAdmin);
      expect(selfApproval.statusCode).toBe(403);
      expect(selfApproval.json().error.code).toBe(ErrorCode.FourEyesRequired);

      const approved = await post(
        `/api/admin/certificate-batches/${batch.id}/approve`,
        { note: 'Đã kiểm tra danh sách' },
        provinceAdmin,
      );
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ state: 'approved', decidedBy: provinceAdmin.id });

      const twice = await post(`/api/admin/certificate-batches/${batch.id}/approve`, {}, secondProvinceAdmin);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe(ErrorCode.BatchAlreadyDecided);
      expect(
        (await post(`/api/admin/certificate-batches/${batch.id}/reject`, {}, secondProvinceAdmin)).statusCode,
      ).toBe(409);

      const events = await t.db.query<{ payload: { batchId: string } }[]>(
        `SELECT payload FROM outbox_events WHERE type = 'CertificateBatchApproved' AND payload->>'batchId' = $1`,
        [batch.id],
      );
      expect(events).toHaveLength(1);
      const audit = await t.db.query<{ action: string; actorId: string }[]>(
        `SELECT action, actor_id AS "actorId" FROM audit_log WHERE target_id = $1 ORDER BY id`,
        [batch.id],
      );
      expect(audit).toEqual([
        { action: 'certificate_batch.prepare', actorId: communeAdmin.id },
        { action: 'certificate_batch.approve', actorId: provinceAdmin.id },
      ]);
      // The database backs the rule too: no code path can record a self-approval.
      await expect(
        t.db.query(`UPDATE certificate_batches SET decided_by = prepared_by WHERE id = $1`, [batch.id]),
      ).rejects.toThrow(/ck_certificate_batches_four_eyes/);
      const listed = (await get('/api/admin/certificate-batches?state=approved', provinceAdmin)).json();
      expect(listed.items.map((item: { id: string }) => item.id)).toContain(batch.id);
    });

    it('a rejected batch issues nothing', async () => {
      const prepared = await post(
        '/api/admin/certificate-batches',
        {
          skillProgrammeId: await programmeId(),
          title: 'Danh sách thử',
          reason: 'Kiểm tra quy trình',
          assessedOn: '2026-11-21',
          learners: [otherLearner.phone],
        },
        provinceAdmin,
      );
      const id = prepared.json<{ id: string }>().id;
      const rejected = await post(
        `/api/admin/certificate-batches/${id}/reject`,
        { note: 'Sai ngày' },
        secondProvinceAdmin,
      );
      expect(rejected.json()).toMatchObject({ state: 'rejected', decisionNote: 'Sai ngày' });
      const events = await t.db.query(`SELECT 1 FROM outbox_events WHERE payload->>'batchId' = $1`, [id]);
      expect(events).toHaveLength(0);
      expect((await get('/api/admin/certificate-batches/not-a-uuid', provinceAdmin)).statusCode).toBe(400);
    });

    it('describes a programme publicly (the achievement id of skill certificates)', async () => {
      const response = await get('/api/skill-programmes/KNS-CB-NGUOI-DAN');
      expect(response.json()).toMatchObject({ code: 'KNS-CB-NGUOI-DAN', targetGroup: 'citizen' });
      expect((await get('/api/skill-programmes/NOPE')).json().error.code).toBe(
        ErrorCode.SkillProgrammeNotFound,
      );
    });
  });

  describe('the attestation dead letters', () => {
    it('lists by state with counts, retries one failed row or all, and refuses the others', async () => {
      const serials = [
        await anIssuedCertificate(learner),
        await anIssuedCertificate(learner),
        await anIssuedCertificate(learner),
      ];
      const ids = await t.db.query<{ id: string; serial: string }[]>(
        `SELECT id, serial FROM certificates WHERE serial = ANY($1::text[]) ORDER BY serial`,
        [serials],
      );
      for (const [index, { id }] of ids.entries()) {
        await t.db.query(
          `INSERT INTO certificate_attestations (certificate_id, idempotency_key, state, attempts, last_error)
           VALUES ($1, $2, $3, 10, 'UNAVAILABLE: maintenance')`,
          [id, `certificate:${id}`, index === 2 ? 'confirmed' : 'failed'],
        );
      }
      const page = (await get('/api/admin/attestations?state=failed', provinceAdmin)).json();
      expect(page.counts.failed).toBeGreaterThanOrEqual(2);
      expect(page.items.map((item: { serial: string }) => item.serial)).toEqual(
        expect.arrayContaining(ids.slice(0, 2).map((row) => row.serial)),
      );

      const confirmedRetry = await post(`/api/admin/attestations/${ids[2].id}/retry`, {}, provinceAdmin);
      expect(confirmedRetry.statusCode).toBe(409);
      expect(confirmedRetry.json().error.code).toBe(ErrorCode.AttestationNotRetryable);

      expect((await post(`/api/admin/attestations/${ids[0].id}/retry`, {}, provinceAdmin)).json()).toEqual({
        retried: 1,
      });
      const [row] = await t.db.query<{ state: string; attempts: number }[]>(
        `SELECT state, attempts FROM certificate_attestations WHERE certificate_id = $1`,
        [ids[0].id],
      );
      expect(row).toEqual({ state: 'pending', attempts: 0 });

      const all = (await post('/api/admin/attestations/retry-all', {}, provinceAdmin)).json();
      expect(all.retried).toBeGreaterThanOrEqual(1);
      const [{ failed }] = await t.db.query<{ failed: number }[]>(
        `SELECT count(*)::int AS failed FROM certificate_attestations a JOIN certificates c ON c.id = a.certificate_id
          WHERE a.state = 'failed' AND c.revoked_at IS NULL`,
      );
      expect(failed).toBe(0);
      const audit = await t.db.query(
        `SELECT 1 FROM audit_log WHERE action IN ('attestation.retry', 'attestation.retry_all')`,
      );
      expect(audit.length).toBeGreaterThanOrEqual(2);
      expect((await get(`/api/me/certificates/${ids[2].serial}`, learner)).json().attestation.state).toBe(
        'confirmed',
      );
    });
  });
});
