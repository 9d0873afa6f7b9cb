import { describe, expect, it } from '@jest/globals';

import { oneOf, pageParam, searchString } from './url-query';

describe('address-bar list state', () => {
  it('keeps only allowed filter values and whole page numbers from 1', () => {
    expect(oneOf(['valid', 'revoked'] as const, 'revoked')).toBe('revoked');
    expect(oneOf(['valid', 'revoked'] as const, 'deleted')).toBe('');
    expect(oneOf(['valid', 'revoked'] as const, null)).toBe('');
    expect(pageParam(new URLSearchParams('page=3'))).toBe(3);
    for (const bad of ['page=0', 'page=-2', 'page=1.5', 'page=abc', '']) {
      expect(pageParam(new URLSearchParams(bad))).toBe(1);
    }
  });

  it('writes set values in order, without empty ones or page 1', () => {
    expect(searchString({ q: 'Lò Thị', status: '', role: undefined, page: 1 })).toBe(
      '?q=L%C3%B2+Th%E1%BB%8B',
    );
    expect(searchString({ state: 'pending', page: 4 })).toBe('?state=pending&page=4');
    expect(searchString({ q: null, page: 1 })).toBe('');
  });
});
