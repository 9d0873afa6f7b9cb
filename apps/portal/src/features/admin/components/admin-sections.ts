import { Permission } from '@hocvu/contracts';

import { paths } from '../../../app/paths';

/** The admin area's pages and who may open them; the router and the menus both read this table. */
export const ADMIN_SECTIONS = [
  // First: what a commune or province official opens most, the campaign's progress.
  { id: 'campaign', path: paths.adminCampaign, anyOf: [Permission.CampaignRead] },
  // Commune admins see their commune's targets; province admins also set them.
  {
    id: 'campaignTargets',
    path: paths.adminCampaignTargets,
    anyOf: [Permission.CampaignRead, Permission.CampaignTargetsManage],
  },
  // The quarterly reports communes file (made by the worker each quarter, or now on request).
  { id: 'campaignReports', path: paths.adminCampaignReports, anyOf: [Permission.CampaignRead] },
  { id: 'users', path: paths.adminUsers, anyOf: [Permission.UserList] },
  { id: 'newStaff', path: paths.adminNewStaff, anyOf: [Permission.UserCreateStaff] },
  { id: 'adminUnits', path: paths.adminUnits, anyOf: [Permission.UserList, Permission.AdminUnitImport] },
  // A commune's villages (thôn, bản, tổ dân phố): rosters and learners' profiles name them.
  { id: 'villages', path: paths.adminVillages, anyOf: [Permission.VillageImport] },
  // Commune and province admins bring whole class or staff lists in, then enrol them in a course.
  { id: 'rosters', path: paths.adminRosters, anyOf: [Permission.RosterImport] },
  { id: 'enrolments', path: paths.adminEnrolments, anyOf: [Permission.EnrolmentBulk] },
  { id: 'certificates', path: paths.adminCertificates, anyOf: [Permission.CertificateRead] },
  { id: 'batches', path: paths.adminBatches, anyOf: [Permission.CertificateIssue] },
  { id: 'attestations', path: paths.adminAttestations, anyOf: [Permission.AttestationManage] },
  { id: 'auditLog', path: paths.adminAuditLog, anyOf: [Permission.AuditLogRead] },
] as const satisfies readonly { id: string; path: string; anyOf: readonly Permission[] }[];

export type AdminSectionId = (typeof ADMIN_SECTIONS)[number]['id'];

export function sectionPermissions(id: AdminSectionId): readonly Permission[] {
  const section = ADMIN_SECTIONS.find((candidate) => candidate.id === id);
  return section ? section.anyOf : [];
}
