import { maskCitizenId, maskPhone, normaliseVietnamesePhone, passwordProblems } from './validation';

describe('normaliseVietnamesePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0387654321', '+84387654321'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normaliseVietnamesePhone(input)).toBe(expected);
  });

  it.each(['', '12345', '0212345678', '09123456789', '+1 415 555 0100', 'abc0912345678', '0912-345-67x'])(
    'rejects %s',
    (input) => {
      expect(normaliseVietnamesePhone(input)).toBeNull();
    },
  );
});

describe('passwordProblems', () => {
  it('accepts a password with letters and digits of sufficient length', () => {
    expect(passwordProblems('matkhau2026')).toEqual([]);
  });

  it('accepts Vietnamese letters as letters', () => {
    expect(passwordProblems('mậtkhẩu9x')).toEqual([]);
  });

  it('lists every broken rule', () => {
    expect(passwordProblems('abc')).toEqual(['minLength', 'digit']);
    expect(passwordProblems('12345678')).toEqual(['letter']);
  });
});

describe('maskPhone', () => {
  it('keeps only the prefix and last three digits', () => {
    expect(maskPhone('+84912345678')).toBe('+84912***678');
  });
});

describe('maskCitizenId', () => {
  it('keeps the first four and last two digits, as the portal shows it', () => {
    expect(maskCitizenId('001234567889')).toBe('0012******89');
    expect(maskCitizenId('011068004127')).not.toContain('068004');
    expect(maskCitizenId('123')).toBe('******');
  });
});
