import {
  canonicalCompletionRecord,
  type CompletionRecord,
  completionRecordProblems,
  isCalendarDate,
} from './completion-record';

const record = (overrides: Partial<CompletionRecord> = {}): CompletionRecord => ({
  citizenId: '011068004127',
  fullName: 'Lò Văn Thắng',
  birthDate: '1968-03-14',
  courseCode: 'BDHVS-VNEID-01',
  courseTitle: 'Cài đặt và sử dụng ứng dụng VNeID',
  completedAt: '2026-10-10T09:30:00+07:00',
  certificateSerial: 'DB-2026-000123',
  issuer: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
  ...overrides,
});

describe('completionRecordProblems', () => {
  it('accepts a complete record', () => {
    expect(completionRecordProblems(record())).toEqual([]);
    expect(completionRecordProblems(record({ completedAt: '2026-10-10T02:30:00.123Z' }))).toEqual([]);
  });

  it.each([
    [{ citizenId: '01106800412' }, 'citizenId: must be 12 digits'],
    [{ citizenId: '01106800412a' }, 'citizenId: must be 12 digits'],
    [{ fullName: '   ' }, 'fullName: required'],
    [{ birthDate: '1968-02-30' }, 'birthDate: must be a date written YYYY-MM-DD'],
    [{ birthDate: '14/03/1968' }, 'birthDate: must be a date written YYYY-MM-DD'],
    [{ courseCode: 'khoá 1' }, 'courseCode: letters, digits, ".", "_" or "-"'],
    [{ completedAt: '2026-10-10 09:30' }, 'completedAt: must be an ISO 8601 date-time with an offset'],
    [{ completedAt: '2026-10-10T09:30:00' }, 'completedAt: must be an ISO 8601 date-time with an offset'],
    [{ issuer: 'x'.repeat(201) }, 'issuer: at most 200 characters'],
  ])('refuses %p', (overrides, problem) => {
    expect(completionRecordProblems(record(overrides))).toContain(problem);
  });

  it('names a missing field instead of throwing', () => {
    const { issuer: _issuer, ...partial } = record();
    expect(completionRecordProblems(partial as CompletionRecord)).toEqual(['issuer: required']);
  });
});

describe('isCalendarDate', () => {
  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });
});

describe('canonicalCompletionRecord', () => {
  it('keeps the contract fields in contract order, in NFC, trimmed', () => {
    const decomposed = 'Lò Văn Thắng'.normalize('NFD');
    const canonical = canonicalCompletionRecord({
      ...record({ fullName: ` ${decomposed} ` }),
      internalNote: 'not sent',
    } as CompletionRecord);
    expect(Object.keys(canonical)).toEqual([
      'citizenId',
      'fullName',
      'birthDate',
      'courseCode',
      'courseTitle',
      'completedAt',
      'certificateSerial',
      'issuer',
    ]);
    expect(canonical.fullName).toBe('Lò Văn Thắng'.normalize('NFC'));
    expect(canonical.fullName).not.toBe(decomposed);
  });
});
