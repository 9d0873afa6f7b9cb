import { CERTIFICATE_SERIAL_PATTERN, formatCertificateSerial, maskLearnerName } from './certificates';

describe('certificate serials', () => {
  it('pads the number to six digits and grows beyond', () => {
    expect(formatCertificateSerial('DB', 2026, 123)).toBe('DB-2026-000123');
    expect(formatCertificateSerial('DB', 2026, 1_234_567)).toBe('DB-2026-1234567');
    expect(CERTIFICATE_SERIAL_PATTERN.test('DB-2026-000123')).toBe(true);
    expect(CERTIFICATE_SERIAL_PATTERN.test('DB-2026-12')).toBe(false);
    expect(CERTIFICATE_SERIAL_PATTERN.test('../etc/passwd')).toBe(false);
  });
});

describe('maskLearnerName', () => {
  it('keeps the family name and the first letter of the other words', () => {
    expect(maskLearnerName('Quàng Thị Hoa')).toBe('Quàng T** H**');
    expect(maskLearnerName('  Lò   Văn Thắng ')).toBe('Lò V** T****');
  });

  it('masks decomposed Vietnamese the same as composed (NFC first)', () => {
    expect(maskLearnerName('Lò Văn Thắng'.normalize('NFD'))).toBe('Lò V** T****');
  });

  it('still masks a one-letter word', () => {
    expect(maskLearnerName('Giàng A')).toBe('Giàng A*');
  });
});
