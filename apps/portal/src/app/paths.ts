/** Every URL of the portal, in one place so links and routes cannot drift apart. */
export const paths = {
  home: '/',
  signIn: '/auth/sign-in',
  signUp: '/auth/sign-up',
  signOut: '/auth/sign-out',
  /** Where the API sends the browser back after VNeID (see apps/api/src/modules/vneid). */
  vneidLanding: '/auth/vneid',
  profile: '/profile',
  editProfile: '/profile/edit',
  changePassword: '/profile/password',
  profileInclusion: '/profile/inclusion',
  admin: '/admin',
  adminUsers: '/admin/users',
  adminNewStaff: '/admin/users/new',
  adminUnits: '/admin/admin-units',
  adminVillages: '/admin/villages',
  adminAuditLog: '/admin/audit-log',
  adminEnrolments: '/admin/enrolments',
  adminRosters: '/admin/rosters',
  adminCertificates: '/admin/certificates',
  adminBatches: '/admin/certificate-batches',
  adminNewBatch: '/admin/certificate-batches/new',
  adminBatch: (id: string) => `/admin/certificate-batches/${encodeURIComponent(id)}`,
  adminAttestations: '/admin/attestations',
  adminCampaign: '/admin/campaign',
  adminCampaignTargets: '/admin/campaign/targets',
  adminCampaignReports: '/admin/campaign/reports',
  /** The learner's attendance QR code, shown at community classes. */
  myQr: '/community/my-qr',
  /** A digital ambassador's learners. */
  helpedLearners: '/community/helped',
  communitySessions: '/community/sessions',
  communityNewSession: '/community/sessions/new',
  communitySession: (id: string) => `/community/sessions/${encodeURIComponent(id)}`,
  catalogue: '/courses',
  course: (slug: string) => `/courses/${encodeURIComponent(slug)}`,
  myLearning: '/learning',
  learnCourse: (courseId: string) => `/learn/${encodeURIComponent(courseId)}`,
  learnLesson: (courseId: string, lessonId: string) =>
    `/learn/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonId)}`,
  myCertificates: '/certificates',
  myCertificate: (serial: string) => `/certificates/${encodeURIComponent(serial)}`,
  /** Public: anyone may check a certificate (the QR code on the PDF points to the serial's page). */
  verify: '/verify',
  verifyCertificate: (serial: string) => `/verify/${encodeURIComponent(serial)}`,
  studio: '/studio',
  studioNewCourse: '/studio/courses/new',
  studioCourse: (courseId: string) => `/studio/courses/${encodeURIComponent(courseId)}`,
  studioLesson: (lessonId: string) => `/studio/lessons/${encodeURIComponent(lessonId)}`,
} as const;

/** Where the sign-in page sends people back to, carried in the router's location state. */
export interface ReturnToState {
  from?: string;
}

/** Accepts only an in-portal path, so a crafted link cannot send someone off-site after sign-in. */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;
}
