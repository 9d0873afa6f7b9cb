import { describe, expect, it } from '@jest/globals';

import { catalogueQuery, catalogueSearch, hasFilters, readCatalogueParams } from './catalogue-query';

describe('catalogue filters in the URL', () => {
  it('reads known filters and drops anything else', () => {
    expect(
      readCatalogueParams(
        new URLSearchParams('q=ky nang&targetGroup=citizen&level=expert&language=x1&page=-2'),
      ),
    ).toEqual({
      q: 'ky nang',
      targetGroup: 'citizen',
      language: '',
      level: '',
      page: 1,
    });
  });

  it('writes only what is set, and round-trips', () => {
    const filters = { q: ' Kỹ năng ', targetGroup: '', language: 'blt', level: 'beginner', page: 2 } as const;
    expect(catalogueSearch(filters)).toBe('?q=K%E1%BB%B9+n%C4%83ng&language=blt&level=beginner&page=2');
    expect(readCatalogueParams(new URLSearchParams(catalogueSearch(filters)))).toEqual({
      ...filters,
      q: 'Kỹ năng',
    });
    expect(catalogueSearch({ q: '', targetGroup: '', language: '', level: '', page: 1 })).toBe('');
  });

  it('sends the text as typed, without diacritics folding (the server does it)', () => {
    expect(catalogueQuery({ q: 'ky nang ', targetGroup: '', language: '', level: '', page: 1 })).toEqual({
      q: 'ky nang',
      page: 1,
      pageSize: 10,
    });
    expect(hasFilters({ q: ' ', targetGroup: '', language: '', level: '', page: 3 })).toBe(false);
  });
});
