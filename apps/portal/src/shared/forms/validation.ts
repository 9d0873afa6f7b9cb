import {
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
    case 'role':
    case 'gender':
    case 'targetGroup':
    case 'preferredLanguage':
      return t('validation.choice');
    default:
      return t('validation.invalid');
  }
}
