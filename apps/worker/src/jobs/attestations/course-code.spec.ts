import { attestationCourseCode } from './course-code';

describe('attestationCourseCode', () => {
  const long = 'huong-dan-su-dung-dich-vu-cong-truc-tuyen-va-thanh-toan-khong-dung-tien-mat-cho-n';

  it('keeps a code VNeID accepts as it is', () => {
    expect(attestationCourseCode('ky-nang-so-co-ban')).toBe('ky-nang-so-co-ban');
    expect(attestationCourseCode('KNS-CB-NGUOI-DAN')).toBe('KNS-CB-NGUOI-DAN');
    expect(attestationCourseCode('a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('shortens a long slug to 64 allowed characters, stably, and keeps two similar slugs apart', () => {
    const code = attestationCourseCode(long);
    expect(code).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    expect(code.startsWith('huong-dan-su-dung-dich-vu-cong-truc-tuyen')).toBe(true);
    expect(attestationCourseCode(long)).toBe(code);
    expect(attestationCourseCode(`${long}-a1b2c3`)).not.toBe(code);
  });

  it('replaces characters VNeID does not take', () => {
    expect(attestationCourseCode('KN SỐ/01')).toMatch(/^KN-S-01-[0-9a-f]{8}$/);
    expect(attestationCourseCode('ĐẠT')).toMatch(/^T-[0-9a-f]{8}$/);
    expect(attestationCourseCode('Đ')).toMatch(/^[0-9a-f]{8}$/);
  });
});
