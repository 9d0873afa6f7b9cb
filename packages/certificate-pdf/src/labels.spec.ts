import { certificateLabels, formatCertificateDate } from './labels';

describe('formatCertificateDate', () => {
  const morning = new Date('2026-12-07T02:00:00Z'); // 09:00 in Vietnam

  it('writes the Vietnamese date line, with or without a place', () => {
    expect(formatCertificateDate(morning, 'vi', 'Điện Biên')).toBe('Điện Biên, ngày 7 tháng 12 năm 2026');
    expect(formatCertificateDate(morning, 'vi')).toBe('Ngày 7 tháng 12 năm 2026');
    expect(formatCertificateDate(morning, 'vi', '  ')).toBe('Ngày 7 tháng 12 năm 2026');
  });

  it('writes the English date line', () => {
    expect(formatCertificateDate(morning, 'en', 'Điện Biên')).toBe('Điện Biên, 7 December 2026');
    expect(formatCertificateDate(new Date('2027-01-01T03:00:00Z'), 'en')).toBe('1 January 2027');
  });

  it('takes the calendar day in Vietnam (UTC+7), not in UTC or the server zone', () => {
    expect(formatCertificateDate(new Date('2026-12-07T16:59:59Z'), 'vi')).toBe('Ngày 7 tháng 12 năm 2026');
    expect(formatCertificateDate(new Date('2026-12-07T17:00:00Z'), 'vi')).toBe('Ngày 8 tháng 12 năm 2026');
    expect(formatCertificateDate(new Date('2026-12-31T18:30:00Z'), 'vi')).toBe('Ngày 1 tháng 1 năm 2027');
  });
});

describe('certificateLabels', () => {
  it('names a course or a skill programme', () => {
    expect(certificateLabels('vi', 'course').subtitle).toBe('HOÀN THÀNH KHOÁ HỌC');
    expect(certificateLabels('vi', 'skill').completed).toContain('chương trình');
    expect(certificateLabels('en', 'skill').subtitle).toBe('OF SKILLS PROGRAMME COMPLETION');
  });
});
