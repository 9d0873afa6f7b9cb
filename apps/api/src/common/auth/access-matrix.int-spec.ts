import { ErrorCode, Permission, Role, ROLE_PERMISSIONS, ROLES } from '@hocvu/contracts';

import { aProvinceWithCommunes, aSignedInUser, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';

/**
 * The whole role × endpoint matrix, driven by the permission table in packages/contracts: each
 * protected endpoint is called by every role, and must answer 403 exactly when the role lacks the
 * permission (and 401 without a token).
 */
interface ProtectedCall {
  permission: Permission;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (ctx: { otherUserId: string }) => string;
  payload?: Record<string, unknown>;
}

const CALLS: ProtectedCall[] = [
  { permission: Permission.ProfileRead, method: 'GET', url: () => '/api/me' },
  { permission: Permission.ProfileUpdate, method: 'PATCH', url: () => '/api/me', payload: {} },
  {
    permission: Permission.ProfileUpdate,
    method: 'POST',
    url: () => '/api/me/vneid/link',
    payload: { returnTo: '//elsewhere.example' },
  },
  { permission: Permission.UserList, method: 'GET', url: () => '/api/users' },
  { permission: Permission.UserRead, method: 'GET', url: ({ otherUserId }) => `/api/users/${otherUserId}` },
  // Invalid bodies on purpose: authorisation must be decided before validation, and nothing is created.
  { permission: Permission.UserCreateStaff, method: 'POST', url: () => '/api/users', payload: {} },
  {
    permission: Permission.UserResetPassword,
    method: 'POST',
    url: () => '/api/users/not-a-uuid/reset-password',
  },
  {
    permission: Permission.AdminUnitImport,
    method: 'POST',
    url: () => '/api/admin-units/import',
    payload: {},
  },
  { permission: Permission.AuditLogRead, method: 'GET', url: () => '/api/audit-log' },
  { permission: Permission.CourseAuthor, method: 'GET', url: () => '/api/studio/courses' },
  { permission: Permission.LearningAccess, method: 'GET', url: () => '/api/me/learning' },
  { permission: Permission.EnrolmentBulk, method: 'POST', url: () => '/api/enrolments/bulk', payload: {} },
  { permission: Permission.LanguageManage, method: 'POST', url: () => '/api/languages', payload: {} },
  { permission: Permission.LearningAccess, method: 'GET', url: () => '/api/me/certificates' },
  { permission: Permission.LearningAccess, method: 'GET', url: () => '/api/me/certificates/DB-2026-999999' },
  {
    permission: Permission.LearningAccess,
    method: 'GET',
    url: () => '/api/me/certificates/DB-2026-999999/certificate.pdf',
  },
  {
    permission: Permission.LearningAccess,
    method: 'GET',
    url: () => '/api/me/certificates/DB-2026-999999/credential.json',
  },
  { permission: Permission.CertificateRead, method: 'GET', url: () => '/api/admin/certificates' },
  {
    permission: Permission.CertificateRevoke,
    method: 'POST',
    url: () => '/api/admin/certificates/DB-2026-999999/revoke',
    payload: {},
  },
  { permission: Permission.CertificateIssue, method: 'GET', url: () => '/api/admin/skill-programmes' },
  { permission: Permission.CertificateIssue, method: 'GET', url: () => '/api/admin/certificate-batches' },
  {
    permission: Permission.CertificateIssue,
    method: 'POST',
    url: () => '/api/admin/certificate-batches',
    payload: {},
  },
  {
    permission: Permission.CertificateIssue,
    method: 'GET',
    url: () => '/api/admin/certificate-batches/00000000-0000-4000-8000-000000000000',
  },
  {
    permission: Permission.CertificateIssue,
    method: 'POST',
    url: () => '/api/admin/certificate-batches/00000000-0000-4000-8000-000000000000/approve',
    payload: {},
  },
  {
    permission: Permission.CertificateIssue,
    method: 'POST',
    url: () => '/api/admin/certificate-batches/00000000-0000-4000-8000-000000000000/reject',
    payload: {},
  },
  { permission: Permission.AttestationManage, method: 'GET', url: () => '/api/admin/attestations' },
  { permission: Permission.CampaignRead, method: 'GET', url: () => '/api/campaign/dashboard' },
  { permission: Permission.CampaignRead, method: 'GET', url: () => '/api/campaign/targets?year=2026' },
  { permission: Permission.CampaignRead, method: 'GET', url: () => '/api/campaign/reports' },
  {
    permission: Permission.CampaignRead,
    method: 'GET',
    url: () => '/api/campaign/reports/00000000-0000-4000-8000-000000000000',
  },
  {
    permission: Permission.CampaignRead,
    method: 'GET',
    url: () => '/api/campaign/reports/00000000-0000-4000-8000-000000000000/xlsx',
  },
  // An invalid body: decided before validation, and nothing is queued.
  {
    permission: Permission.CampaignReportGenerate,
    method: 'POST',
    url: () => '/api/campaign/reports',
    payload: {},
  },
  { permission: Permission.CampaignRead, method: 'POST', url: () => '/api/campaign/stats/refresh' },
  {
    permission: Permission.CampaignTargetsManage,
    method: 'PUT',
    url: () => '/api/campaign/targets',
    payload: {},
  },
  {
    permission: Permission.AttestationManage,
    method: 'POST',
    url: () => '/api/admin/attestations/retry-all',
  },
  {
    permission: Permission.AttestationManage,
    method: 'POST',
    url: () => '/api/admin/attestations/00000000-0000-4000-8000-000000000000/retry',
  },
  { permission: Permission.RosterImport, method: 'POST', url: () => '/api/rosters/preview', payload: {} },
  { permission: Permission.RosterImport, method: 'POST', url: () => '/api/rosters/import', payload: {} },
  {
    permission: Permission.RosterImport,
    method: 'POST',
    url: () => '/api/rosters/problems.csv',
    payload: {},
  },
  { permission: Permission.RosterImport, method: 'GET', url: () => '/api/rosters/template.csv' },
  { permission: Permission.RosterImport, method: 'GET', url: () => '/api/rosters/template.xlsx' },
  {
    permission: Permission.EnrolmentBulk,
    method: 'POST',
    url: () => '/api/rosters/imports/00000000-0000-4000-8000-000000000000/enrol',
    payload: {},
  },
  {
    permission: Permission.VillageImport,
    method: 'POST',
    url: () => '/api/admin-units/00000000-0000-4000-8000-000000000000/villages/preview',
    payload: {},
  },
  {
    permission: Permission.VillageImport,
    method: 'POST',
    url: () => '/api/admin-units/00000000-0000-4000-8000-000000000000/villages/import',
    payload: {},
  },
  {
    permission: Permission.AmbassadorManage,
    method: 'PUT',
    url: ({ otherUserId }) => `/api/users/${otherUserId}/ambassador`,
    payload: {},
  },
  { permission: Permission.AmbassadorHelp, method: 'GET', url: () => '/api/me/ambassador/learners' },
  {
    permission: Permission.AmbassadorHelp,
    method: 'POST',
    url: () => '/api/me/ambassador/learners',
    payload: { phone: 'not a phone' },
  },
  {
    permission: Permission.AmbassadorHelp,
    method: 'DELETE',
    url: () => '/api/me/ambassador/learners/00000000-0000-4000-8000-000000000000',
  },
  { permission: Permission.LearningAccess, method: 'GET', url: () => '/api/me/qr' },
  { permission: Permission.LearningAccess, method: 'POST', url: () => '/api/me/qr/renew' },
  {
    permission: Permission.CommunitySessionManage,
    method: 'POST',
    url: () => '/api/community-sessions',
    payload: {},
  },
  { permission: Permission.CommunitySessionManage, method: 'GET', url: () => '/api/community-sessions' },
  {
    permission: Permission.CommunitySessionManage,
    method: 'GET',
    url: () => '/api/community-sessions/00000000-0000-4000-8000-000000000000',
  },
  {
    permission: Permission.CommunitySessionManage,
    method: 'POST',
    url: () => '/api/community-sessions/00000000-0000-4000-8000-000000000000/cancel',
    payload: {},
  },
  {
    permission: Permission.CommunitySessionManage,
    method: 'GET',
    url: () => '/api/community-sessions/00000000-0000-4000-8000-000000000000/learners',
  },
  {
    permission: Permission.CommunitySessionManage,
    method: 'POST',
    url: () => '/api/community-sessions/00000000-0000-4000-8000-000000000000/attendance/qr',
    payload: {},
  },
  {
    permission: Permission.CommunitySessionManage,
    method: 'POST',
    url: () => '/api/community-sessions/00000000-0000-4000-8000-000000000000/attendance',
    payload: {},
  },
  {
    permission: Permission.CommunitySessionManage,
    method: 'DELETE',
    url: () =>
      '/api/community-sessions/00000000-0000-4000-8000-000000000000/attendance/00000000-0000-4000-8000-000000000000',
  },
  {
    permission: Permission.CommunitySessionManage,
    method: 'POST',
    url: () => '/api/community-sessions/00000000-0000-4000-8000-000000000000/enrol',
  },
];

const PUBLIC_OPERATIONS = [
  'GET /api/health',
  'GET /api/admin-units',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  // "Sign in with VNeID": the start hands out the provider's URL; the callback checks state, PKCE and nonce.
  'POST /api/auth/vneid/start',
  'GET /api/auth/vneid/callback',
  'GET /api/languages',
  'GET /api/catalogue',
  'GET /api/catalogue/{slug}',
  // Authorised by a signed URL / a signed playback token instead of a bearer token (see docs/api.md).
  'GET /api/media/{token}/{path}',
  'POST /api/learn/heartbeats',
  // Certificates are checked by anyone: the verification page, uploaded credentials, revocation lists,
  // the achievements credentials name (the did:web document is outside /api and the OpenAPI document).
  'GET /api/verify/{serial}',
  'POST /api/verify/credential',
  'GET /api/credentials/status/{list}',
  'GET /api/skill-programmes/{code}',
];

describe('role × endpoint access matrix (integration)', () => {
  let t: TestApp;
  const users = new Map<Role, SignedInUser>();
  let otherUserId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { communeA } = await aProvinceWithCommunes(t);
    for (const role of ROLES) users.set(role, await aSignedInUser(t, role, communeA));
    otherUserId = (await aSignedInUser(t, Role.Learner, communeA)).id;
    // The matrix tests the permission table; the ambassador flag the learner role's ambassador.help
    // also needs is tested in ambassadors.int-spec.ts.
    await t.db.query(`UPDATE users SET ambassador = true WHERE id = $1`, [users.get(Role.Learner)?.id]);
  });
  afterAll(() => t.close());

  it('covers every permission of the contracts', () => {
    expect(new Set(CALLS.map((call) => call.permission))).toEqual(new Set(Object.values(Permission)));
  });

  for (const call of CALLS) {
    for (const role of ROLES) {
      const allowed = ROLE_PERMISSIONS[role].includes(call.permission);
      it(`${call.method} ${call.url({ otherUserId: ':id' })} as ${role} → ${allowed ? 'allowed' : '403'}`, async () => {
        const user = users.get(role) as SignedInUser;
        const response = await t.app.inject({
          method: call.method,
          url: call.url({ otherUserId }),
          headers: user.auth,
          ...(call.payload ? { payload: call.payload } : {}),
        });
        if (allowed) {
          expect(response.statusCode).not.toBe(403);
          expect(response.statusCode).not.toBe(401);
          expect(response.statusCode).toBeLessThan(500);
        } else {
          expect(response.statusCode).toBe(403);
          expect(response.json().error.code).toBe(ErrorCode.Forbidden);
        }
      });
    }

    it(`${call.method} ${call.url({ otherUserId: ':id' })} without a token → 401`, async () => {
      const response = await t.app.inject({
        method: call.method,
        url: call.url({ otherUserId }),
        payload: call.payload,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe(ErrorCode.Unauthenticated);
    });
  }

  it('leaves only the known public operations without authentication in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    }>();
    const open: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.security?.length) open.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(open.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
  });
});
