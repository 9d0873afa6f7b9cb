import { Permission } from '@hocvu/contracts';

/** Holding any of these opens the admin area (its sections are then gated one by one). */
export const ADMIN_AREA_PERMISSIONS: readonly Permission[] = [
  Permission.UserList,
  Permission.UserCreateStaff,
  Permission.AdminUnitImport,
  Permission.AuditLogRead,
  Permission.EnrolmentBulk,
  Permission.CertificateRead,
  Permission.CertificateIssue,
  Permission.CertificateRevoke,
  Permission.AttestationManage,
  Permission.CampaignRead,
  Permission.CampaignTargetsManage,
  Permission.RosterImport,
  Permission.VillageImport,
];
