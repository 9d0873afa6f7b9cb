import { describe, expect, it } from '@jest/globals';

import en from './en.json';
import vi from './vi.json';

function keys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('UI catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('write Vietnamese with its diacritics', () => {
    const text = JSON.stringify(vi);
    for (const word of [
      'Đăng nhập',
      'Mật khẩu',
      'Xã/phường',
      'Người dân',
      'Học viên',
      'Khoá học',
      'Học tập của tôi',
      'Soạn bài giảng',
      'Đánh dấu đã học xong',
      'Gõ có dấu hoặc không dấu đều được',
    ])
      expect(text).toContain(word);
  });

  it('leave no value empty', () => {
    for (const catalogue of [vi, en]) {
      const empty = keys(catalogue).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
