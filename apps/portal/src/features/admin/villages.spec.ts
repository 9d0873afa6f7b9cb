import { describe, expect, it } from '@jest/globals';

import en from '../../i18n/en.json';
import vi from '../../i18n/vi.json';
import {
  checkVillageFile,
  isVillageProblemCode,
  VILLAGE_MAX_FILE_BYTES,
  VILLAGE_PROBLEM_CODES,
} from './villages';

describe('village import (portal side)', () => {
  it('accepts CSV and XLSX up to 1 MB, and says why anything else is refused', () => {
    expect(checkVillageFile({ name: 'thon-ban.csv', type: '', size: 10 })).toEqual({ kind: 'csv' });
    expect(checkVillageFile({ name: 'Thon ban.XLSX', type: '', size: 10 })).toEqual({ kind: 'xlsx' });
    expect(checkVillageFile({ name: 'thon.docx', type: '', size: 10 })).toEqual({ problem: 'wrongType' });
    expect(checkVillageFile({ name: 'thon.csv', type: '', size: 0 })).toEqual({ problem: 'empty' });
    expect(checkVillageFile({ name: 'thon.csv', type: '', size: VILLAGE_MAX_FILE_BYTES + 1 })).toEqual({
      problem: 'tooLarge',
    });
  });

  it('has words for every problem code the API sends, in both languages', () => {
    expect(isVillageProblemCode('duplicate_in_file')).toBe(true);
    expect(isVillageProblemCode('unknown_village')).toBe(false);
    for (const code of VILLAGE_PROBLEM_CODES) {
      expect(vi.admin.villages.problems[code]).toMatch(/\S/);
      expect(en.admin.villages.problems[code]).toMatch(/\S/);
    }
  });
});
