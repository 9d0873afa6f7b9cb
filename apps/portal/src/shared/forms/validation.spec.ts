import { describe, expect, it } from '@jest/globals';

import {
  checkEmail,
  checkFullName,
  checkIdentifier,
  checkNewPassword,
  checkPhone,
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
});
