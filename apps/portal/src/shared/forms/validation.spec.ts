import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';

import {
  checkEmail,
  checkFullName,
  checkIdentifier,
  checkLocalizedText,
  checkMinutes,
  checkNewPassword,
  checkPhone,
  checkVideoCompletionPercent,
  fieldMessage,
  problemsFromApi,
} from './validation';

describe('form checks (same rules as the API)', () => {
  it('accepts Vietnamese phones in any usual format and names the broken rule otherwise', () => {
    expect(checkPhone('0912 345 678')).toEqual([]);
    expect(checkPhone('+84 912 345 678')).toEqual([]);
    expect(checkPhone('12345')).toEqual(['phoneNumber']);
    expect(checkPhone('')).toEqual([]); // optional when an email is given
  });

  it('routes a sign-in identifier to the phone or email check', () => {
    expect(checkIdentifier('0911000004')).toEqual([]);
    expect(checkIdentifier('mai@example.vn')).toEqual([]);
    expect(checkIdentifier('mai@')).toEqual(['isEmail']);
    expect(checkIdentifier('abc')).toEqual(['identifier']);
    expect(checkIdentifier('  ')).toEqual(['isNotEmpty']);
  });

  it('checks names, emails and passwords', () => {
    expect(checkFullName('  ')).toEqual(['isNotEmpty']);
    expect(checkFullName('Lò Thị Mai')).toEqual([]);
    expect(checkFullName('a'.repeat(121))).toEqual(['maxLength']);
    expect(checkEmail('not-an-email')).toEqual(['isEmail']);
    expect(checkNewPassword('abc')).toEqual(['minLength', 'digit']);
    expect(checkNewPassword('matkhau2026')).toEqual([]);
  });

  it('turns the API validation details into the same shape, nested fields on their top-level field', () => {
    expect(
      problemsFromApi([
        { field: 'password', rules: ['minLength', 'digit'], message: '…' },
        { field: 'items.2.title', rules: ['maxLength'], message: '…' },
        { field: 'phone', rules: [], message: '…' },
      ]),
    ).toEqual({ password: ['minLength', 'digit'], items: ['maxLength'], phone: ['invalid'] });
  });

  it('checks course texts per language and lesson minutes with the API rules', () => {
    expect(checkLocalizedText({ vi: '  ', en: 'Basics' }, 160, { requireVi: true })).toEqual([
      'vietnameseRequired',
    ]);
    expect(checkLocalizedText({ vi: '' }, 160)).toEqual([]);
    expect(checkLocalizedText({ vi: 'Cơ bản', blt: 'x'.repeat(161) }, 160)).toEqual(['localizedText']);
    expect(checkMinutes('15')).toEqual([]);
    expect(checkMinutes('0')).toEqual([]);
    expect(checkMinutes('601')).toEqual(['max']);
    expect(checkMinutes('')).toEqual(['isInt']);
    expect(checkMinutes('1.5')).toEqual(['isInt']);
  });

  it('takes 50 to 100 percent of a video to complete it', () => {
    expect(checkVideoCompletionPercent('90')).toEqual([]);
    expect(checkVideoCompletionPercent(' 50 ')).toEqual([]);
    expect(checkVideoCompletionPercent('100')).toEqual([]);
    expect(checkVideoCompletionPercent('49')).toEqual(['min']);
    expect(checkVideoCompletionPercent('101')).toEqual(['max']);
    expect(checkVideoCompletionPercent('')).toEqual(['isInt']);
    expect(checkVideoCompletionPercent('75.5')).toEqual(['isInt']);
  });

  it('tells an API error code put on a field in the code’s own words', () => {
    const t = ((key: string) => key) as unknown as TFunction;
    expect(fieldMessage(t, 'phone', ['NOT_A_TEACHER'])).toBe('errors.NOT_A_TEACHER');
    expect(fieldMessage(t, 'languages', ['UNKNOWN_LANGUAGE'])).toBe('errors.UNKNOWN_LANGUAGE');
    expect(fieldMessage(t, 'title', ['vietnameseRequired'])).toBe('validation.titleRequired');
    expect(fieldMessage(t, 'title', ['localizedText'])).toBe('validation.titleLength');
  });
});
