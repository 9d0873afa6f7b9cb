import { Role } from './roles';

/**
 * Every permission the API enforces. Endpoints name one of these with `@RequirePermission(...)`;
 * the portal hides UI with the same list, so the two can never drift apart.
 */
export const Permission = {
  ProfileRead: 'profile.read',
  ProfileUpdate: 'profile.update',
  UserList: 'user.list',
  UserRead: 'user.read',
  UserCreateStaff: 'user.create_staff',
  UserResetPassword: 'user.reset_password',
  AdminUnitImport: 'admin_unit.import',
  AuditLogRead: 'audit_log.read',
  /** Create courses and edit the ones you own or co-teach (province admins edit all). */
  CourseAuthor: 'course.author',
  /** Enrol yourself, follow courses and complete lessons. */
  LearningAccess: 'learning.access',
  /** Enrol a cohort (a commune's or a target group's learners) in a course. */
  EnrolmentBulk: 'enrolment.bulk',
  /** Add content languages (e.g. a minority language) and switch them on or off. */
  LanguageManage: 'language.manage',
  /** Search certificates and see their VNeID attestation state. */
  CertificateRead: 'certificate.read',
  /** Prepare skill-certificate batches, and approve the batches other admins prepared (four eyes). */
  CertificateIssue: 'certificate.issue',
  /** Revoke a certificate, with a reason. */
  CertificateRevoke: 'certificate.revoke',
  /** See attestations that ran out of retries (dead letters) and send them again. */
  AttestationManage: 'attestation.manage',
  /** Campaign dashboards: the province's, or a commune admin's own commune's. */
  CampaignRead: 'campaign.read',
  /** Generate a quarterly campaign report now (the worker also makes them each quarter); commune admins for their own commune. */
  CampaignReportGenerate: 'campaign.report',
  /** Set the yearly targets of the province and its communes. */
  CampaignTargetsManage: 'campaign.targets',
  /** Import learners from a roster file (a class or staff list); commune admins into their own commune. */
  RosterImport: 'roster.import',
  /** Import a commune's villages (thôn/bản/tổ dân phố); commune admins for their own commune. */
  VillageImport: 'village.import',
  /** Mark learners of your commune (province admins: any) as digital ambassadors, or unmark them. */
  AmbassadorManage: 'ambassador.manage',
  /**
   * Register and follow the learners you help. Granted to the learner role, but only learners with the
   * ambassador flag may use it: the API checks the flag, and the profile lists it only for them.
   */
  AmbassadorHelp: 'ambassador.help',
  /** Schedule community classes in your commune, record attendance, cancel them. */
  CommunitySessionManage: 'community_session.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS: readonly Permission[] = Object.values(Permission);

const SELF_SERVICE: readonly Permission[] = [
  Permission.ProfileRead,
  Permission.ProfileUpdate,
  Permission.LearningAccess,
];

/** The role → permission table. A role gets nothing that is not listed here. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Learner]: [...SELF_SERVICE, Permission.AmbassadorHelp],
  [Role.Teacher]: [...SELF_SERVICE, Permission.CourseAuthor, Permission.CommunitySessionManage],
  [Role.CommuneAdmin]: [
    ...SELF_SERVICE,
    Permission.UserList,
    Permission.UserRead,
    Permission.UserResetPassword,
    Permission.EnrolmentBulk,
    Permission.CertificateRead,
    Permission.CertificateIssue,
    Permission.CampaignRead,
    Permission.CampaignReportGenerate,
    Permission.RosterImport,
    Permission.VillageImport,
    Permission.AmbassadorManage,
    Permission.CommunitySessionManage,
  ],
  [Role.ProvinceAdmin]: [
    ...SELF_SERVICE,
    Permission.UserList,
    Permission.UserRead,
    Permission.UserCreateStaff,
    Permission.UserResetPassword,
    Permission.AdminUnitImport,
    Permission.AuditLogRead,
    Permission.CourseAuthor,
    Permission.EnrolmentBulk,
    Permission.LanguageManage,
    Permission.CertificateRead,
    Permission.CertificateIssue,
    Permission.CertificateRevoke,
    Permission.AttestationManage,
    Permission.CampaignRead,
    Permission.CampaignReportGenerate,
    Permission.CampaignTargetsManage,
    Permission.RosterImport,
    Permission.VillageImport,
    Permission.AmbassadorManage,
    Permission.CommunitySessionManage,
  ],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
