/**
 * Stable error codes of the `{ error: { code, message, details } }` envelope. Clients branch on
 * these, never on messages; never rename one, only add.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  InvalidJson: 'INVALID_JSON',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountDisabled: 'ACCOUNT_DISABLED',
  RefreshTokenInvalid: 'REFRESH_TOKEN_INVALID',
  RefreshTokenReused: 'REFRESH_TOKEN_REUSED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  UserNotFound: 'USER_NOT_FOUND',
  AdminUnitNotFound: 'ADMIN_UNIT_NOT_FOUND',
  PhoneTaken: 'PHONE_TAKEN',
  EmailTaken: 'EMAIL_TAKEN',
  RateLimited: 'RATE_LIMITED',
  ImportInvalid: 'IMPORT_INVALID',
  UnknownLanguage: 'UNKNOWN_LANGUAGE',
  LanguageExists: 'LANGUAGE_EXISTS',
  CourseNotFound: 'COURSE_NOT_FOUND',
  SectionNotFound: 'SECTION_NOT_FOUND',
  LessonNotFound: 'LESSON_NOT_FOUND',
  NotCourseEditor: 'NOT_COURSE_EDITOR',
  CourseEmpty: 'COURSE_EMPTY',
  OrderMismatch: 'ORDER_MISMATCH',
  CourseNotOpen: 'COURSE_NOT_OPEN',
  NotEnrolled: 'NOT_ENROLLED',
  LessonLocked: 'LESSON_LOCKED',
  LessonKindUnsupported: 'LESSON_KIND_UNSUPPORTED',
  NotATeacher: 'NOT_A_TEACHER',
  UploadNotFound: 'UPLOAD_NOT_FOUND',
  UploadIncomplete: 'UPLOAD_INCOMPLETE',
  VideoNotFound: 'VIDEO_NOT_FOUND',
  LessonVideoNotReady: 'LESSON_VIDEO_NOT_READY',
  CaptionInvalid: 'CAPTION_INVALID',
  CoverInvalid: 'COVER_INVALID',
  QuestionInvalid: 'QUESTION_INVALID',
  QuestionNotFound: 'QUESTION_NOT_FOUND',
  QuestionImageInvalid: 'QUESTION_IMAGE_INVALID',
  VneidUnavailable: 'VNEID_UNAVAILABLE',
  VneidSignInFailed: 'VNEID_SIGN_IN_FAILED',
  VneidAlreadyLinked: 'VNEID_ALREADY_LINKED',
  VneidIdentityMismatch: 'VNEID_IDENTITY_MISMATCH',
  QuizSettingsInvalid: 'QUIZ_SETTINGS_INVALID',
  QuizNotReady: 'QUIZ_NOT_READY',
  QuizUnavailable: 'QUIZ_UNAVAILABLE',
  NoAttemptsLeft: 'NO_ATTEMPTS_LEFT',
  AttemptCoolingDown: 'ATTEMPT_COOLING_DOWN',
  AttemptNotFound: 'ATTEMPT_NOT_FOUND',
  AttemptClosed: 'ATTEMPT_CLOSED',
  QuestionNotInAttempt: 'QUESTION_NOT_IN_ATTEMPT',
  AnswerInvalid: 'ANSWER_INVALID',
  AnswerLocked: 'ANSWER_LOCKED',
  MediaTokenInvalid: 'MEDIA_TOKEN_INVALID',
  RangeNotSatisfiable: 'RANGE_NOT_SATISFIABLE',
  PlaybackTokenInvalid: 'PLAYBACK_TOKEN_INVALID',
  HeartbeatInvalid: 'HEARTBEAT_INVALID',
  HeartbeatTooFast: 'HEARTBEAT_TOO_FAST',
  CertificateNotFound: 'CERTIFICATE_NOT_FOUND',
  CertificateAlreadyRevoked: 'CERTIFICATE_ALREADY_REVOKED',
  CertificatesNotConfigured: 'CERTIFICATES_NOT_CONFIGURED',
  CredentialUnreadable: 'CREDENTIAL_UNREADABLE',
  SkillProgrammeNotFound: 'SKILL_PROGRAMME_NOT_FOUND',
  BatchNotFound: 'BATCH_NOT_FOUND',
  BatchAlreadyDecided: 'BATCH_ALREADY_DECIDED',
  BatchLearnersInvalid: 'BATCH_LEARNERS_INVALID',
  FourEyesRequired: 'FOUR_EYES_REQUIRED',
  AttestationNotFound: 'ATTESTATION_NOT_FOUND',
  AttestationNotRetryable: 'ATTESTATION_NOT_RETRYABLE',
  UnitOutOfScope: 'UNIT_OUT_OF_SCOPE',
  /** A quarterly report id that does not exist or is outside the caller's commune. */
  CampaignReportNotFound: 'CAMPAIGN_REPORT_NOT_FOUND',
  /** The report's files are not there yet (still generating) or it failed. */
  CampaignReportNotReady: 'CAMPAIGN_REPORT_NOT_READY',
  /** A quarter that has not begun yet. */
  CampaignReportQuarterInFuture: 'CAMPAIGN_REPORT_QUARTER_IN_FUTURE',
  /** A roster file over 10 MB (a request body over the route's limit gets PAYLOAD_TOO_LARGE). */
  RosterFileTooLarge: 'ROSTER_FILE_TOO_LARGE',
  /** A roster with more data rows than one import takes (50,000). */
  RosterTooManyRows: 'ROSTER_TOO_MANY_ROWS',
  /** A roster's header row lacks a required column or names one twice; details.problems says which. */
  RosterColumnsInvalid: 'ROSTER_COLUMNS_INVALID',
  /** No such roster import (or it is older than the 30 days its list of learners is kept). */
  RosterImportNotFound: 'ROSTER_IMPORT_NOT_FOUND',
  /** Only learners can be digital ambassadors or be helped by one. */
  NotALearner: 'NOT_A_LEARNER',
  /** The caller is a learner without the digital-ambassador flag. */
  NotAnAmbassador: 'NOT_AN_AMBASSADOR',
  /** The learner is already helped by another ambassador (a learner has at most one). */
  LearnerHasAmbassador: 'LEARNER_HAS_AMBASSADOR',
  CommunitySessionNotFound: 'COMMUNITY_SESSION_NOT_FOUND',
  /** The session was cancelled: no attendance, no enrolment. */
  CommunitySessionCancelled: 'COMMUNITY_SESSION_CANCELLED',
  /** Attendance opens 12 hours before a session starts. */
  CommunitySessionNotStarted: 'COMMUNITY_SESSION_NOT_STARTED',
  /** No learner of the session's commune has this QR code (forged, renewed, or another commune's). */
  QrTokenUnknown: 'QR_TOKEN_UNKNOWN',
  /** Attendance closes 24 hours after a session ends. */
  CommunitySessionClosed: 'COMMUNITY_SESSION_CLOSED',
  /**
   * An ambassador's phone or citizen id matches an account they cannot register (another commune's,
   * staff, disabled, or two accounts): one answer for all, so it reveals nothing about who exists.
   */
  HelpedLearnerUnavailable: 'HELPED_LEARNER_UNAVAILABLE',
  /** A write clashed with one made at the same moment (a unique key); trying again usually works. */
  Conflict: 'CONFLICT',
  InternalError: 'INTERNAL_ERROR',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `password` or `items.2.title`. */
  field: string;
  /** Machine-readable rule names that failed, e.g. `minLength`, `phoneNumber`. */
  rules: string[];
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown;
  };
}
