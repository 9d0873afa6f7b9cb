import {
  ARTICLE_BODY_MAX_LENGTH,
  COURSE_DESCRIPTION_MAX_LENGTH,
  COURSE_SUMMARY_MAX_LENGTH,
  COURSE_TITLE_MAX_LENGTH,
  ErrorCode,
  type FieldError,
  FULL_NAME_MAX_LENGTH,
  looksLikeEmail,
  normaliseVietnamesePhone,
  PASSWORD_MIN_LENGTH,
  passwordProblems,
} from '@hocvu/contracts';
import type { TFunction } from 'i18next';

/**
 * Problems found in a form, in the same shape as the API's VALIDATION_FAILED details, so client-side
 * checks and server answers are shown by the same code with the same words.
 */
export type FieldProblems = Record<string, readonly string[]>;

export function hasProblems(problems: FieldProblems): boolean {
  return Object.keys(problems).length > 0;
}

export function problemsFromApi(fieldErrors: readonly FieldError[]): FieldProblems {
  const problems: Record<string, string[]> = {};
  for (const { field, rules } of fieldErrors) {
    // Nested paths (`items.2.title`) are reported on their top-level field.
    const name = field.split('.')[0] ?? field;
    (problems[name] ??= []).push(...(rules.length > 0 ? rules : ['invalid']));
  }
  return problems;
}

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

function isErrorCode(rule: string): rule is ErrorCode {
  return ERROR_CODES.has(rule);
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSWORD_RULE_ORDER = ['minLength', 'letter', 'digit', 'maxLength'];

export function checkFullName(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.length === 0) return ['isNotEmpty'];
  if (trimmed.length > FULL_NAME_MAX_LENGTH) return ['maxLength'];
  return [];
}

export function checkPhone(value: string): string[] {
  return value.trim() !== '' && normaliseVietnamesePhone(value) === null ? ['phoneNumber'] : [];
}

export function checkEmail(value: string): string[] {
  return value.trim() !== '' && !EMAIL_SHAPE.test(value.trim()) ? ['isEmail'] : [];
}

export function checkIdentifier(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === '') return ['isNotEmpty'];
  if (looksLikeEmail(trimmed)) return checkEmail(trimmed);
  return normaliseVietnamesePhone(trimmed) === null ? ['identifier'] : [];
}

export function checkNewPassword(value: string): string[] {
  return passwordProblems(value);
}

export function checkRequired(value: string): string[] {
  return value.trim() === '' ? ['isNotEmpty'] : [];
}

/** A course, section or lesson text per language (the API's `localizedText` / `vietnameseRequired`). */
export function checkLocalizedText(
  text: Readonly<Record<string, string>>,
  maxLength: number,
  { requireVi = false }: { requireVi?: boolean } = {},
): string[] {
  if (requireVi && (text['vi'] ?? '').trim() === '') return ['vietnameseRequired'];
  return Object.values(text).some((value) => value.trim().length > maxLength) ? ['localizedText'] : [];
}

/** Whole minutes, as the API accepts them for a lesson. */
export const LESSON_MINUTES_MAX = 600;

export function checkMinutes(value: string): string[] {
  const trimmed = value.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return ['isInt'];
  return Number(trimmed) > LESSON_MINUTES_MAX ? ['max'] : [];
}

/** Share of a video (in %) a course may require learners to watch, as the API accepts it. */
export const VIDEO_COMPLETION_PERCENT_MIN = 50;
export const VIDEO_COMPLETION_PERCENT_MAX = 100;

export function checkVideoCompletionPercent(value: string): string[] {
  const trimmed = value.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return ['isInt'];
  const percent = Number(trimmed);
  if (percent < VIDEO_COMPLETION_PERCENT_MIN) return ['min'];
  return percent > VIDEO_COMPLETION_PERCENT_MAX ? ['max'] : [];
}

/** Adds a field's broken rules to `problems` when there are any. */
export function collect(
  problems: Record<string, readonly string[]>,
  field: string,
  rules: readonly string[],
): void {
  if (rules.length > 0) problems[field] = rules;
}

/** The sentence shown next to a field for the rules it broke (from the form or from the API). */
export function fieldMessage(t: TFunction, field: string, rules: readonly string[]): string {
  const has = (rule: string) => rules.includes(rule);
  // An API error code put on a field (useFormProblems' `fieldCodes`) is told in the code's own words.
  const apiCode = rules.find(isErrorCode);
  if (apiCode) return t(`errors.${apiCode}`);
  switch (field) {
    case 'fullName':
      return has('isNotEmpty')
        ? t('validation.fullNameRequired')
        : t('validation.fullNameLength', { max: FULL_NAME_MAX_LENGTH });
    case 'identifier':
      if (has('isNotEmpty')) return t('validation.identifierRequired');
      return has('isEmail') ? t('validation.email') : t('validation.identifier');
    case 'phone':
      if (has('taken')) return t('errors.PHONE_TAKEN');
      return has('phoneOrEmail') ? t('validation.phoneOrEmail') : t('validation.phone');
    case 'email':
      return has('taken') ? t('errors.EMAIL_TAKEN') : t('validation.email');
    case 'password':
    case 'newPassword': {
      if (has('isNotEmpty')) return t('validation.passwordRequired');
      const rule = PASSWORD_RULE_ORDER.find(has);
      switch (rule) {
        case 'minLength':
          return t('validation.passwordMinLength', { min: PASSWORD_MIN_LENGTH });
        case 'letter':
          return t('validation.passwordLetter');
        case 'digit':
          return t('validation.passwordDigit');
        case 'maxLength':
          return t('validation.passwordMaxLength');
        default:
          return t('validation.invalid');
      }
    }
    case 'currentPassword':
      return has('incorrect')
        ? t('validation.currentPasswordWrong')
        : t('validation.currentPasswordRequired');
    case 'birthDate':
      return t('validation.birthDate');
    case 'communeId':
      return has('isNotEmpty') || has('required') ? t('validation.communeRequired') : t('validation.commune');
    case 'courseId':
      return t('validation.courseRequired');
    case 'title':
      return has('vietnameseRequired') || has('isNotEmpty')
        ? t('validation.titleRequired')
        : t('validation.titleLength', { max: COURSE_TITLE_MAX_LENGTH });
    case 'summary':
      return t('validation.summaryLength', { max: COURSE_SUMMARY_MAX_LENGTH });
    case 'description':
      return t('validation.descriptionLength', { max: COURSE_DESCRIPTION_MAX_LENGTH });
    case 'body':
      return t('validation.bodyLength', { max: ARTICLE_BODY_MAX_LENGTH });
    case 'estimatedMinutes':
      return t('validation.minutes', { max: LESSON_MINUTES_MAX });
    case 'languages':
      return t('validation.languages');
    case 'videoCompletionPercent':
      return t('validation.videoCompletionPercent', {
        min: VIDEO_COMPLETION_PERCENT_MIN,
        max: VIDEO_COMPLETION_PERCENT_MAX,
      });
    case 'role':
    case 'gender':
    case 'targetGroup':
    case 'targetGroups':
    case 'level':
    case 'kind':
    case 'preferredLanguage':
      return t('validation.choice');
    default:
      return t('validation.invalid');
  }
}
