import { describe, expect, it } from '@jest/globals';

import { compactLocalized, localized, pickLocalized } from './localized';

describe('localized content', () => {
  const title = { vi: 'Kỹ năng số cơ bản', en: 'Basic digital skills', blt: '  ' };

  it('shows the UI language when the text has it', () => {
    expect(localized(title, 'en')).toBe('Basic digital skills');
    expect(pickLocalized(title, 'vi')).toEqual({ text: 'Kỹ năng số cơ bản', lang: 'vi' });
  });

  it('falls back to Vietnamese, also for a blank translation, and says so through `lang`', () => {
    expect(pickLocalized(title, 'blt')).toEqual({ text: 'Kỹ năng số cơ bản', lang: 'vi' });
    expect(pickLocalized({ vi: 'Bài 1' }, 'en')).toEqual({ text: 'Bài 1', lang: 'vi' });
  });

  it("prefers the learner's own content language where the author wrote it", () => {
    const course = { vi: 'Kỹ năng số', en: 'Digital skills', hmn: 'Kev txawj digital' };
    expect(pickLocalized(course, 'vi', 'hmn')).toEqual({ text: 'Kev txawj digital', lang: 'hmn' });
    expect(pickLocalized(course, 'en', 'blt')).toEqual({ text: 'Digital skills', lang: 'en' });
    expect(pickLocalized({ vi: 'Bài 1', hmn: ' ' }, 'en', 'hmn')).toEqual({ text: 'Bài 1', lang: 'vi' });
  });

  it('uses any language there is when even Vietnamese is missing, and tolerates no text at all', () => {
    expect(pickLocalized({ vi: '', hmn: 'Kawm ntawv' }, 'en')).toEqual({ text: 'Kawm ntawv', lang: 'hmn' });
    expect(localized(null, 'vi')).toBe('');
    expect(localized(undefined, 'en')).toBe('');
  });

  it('sends trimmed text without blank translations, always with Vietnamese', () => {
    expect(compactLocalized({ vi: ' Bài 1 ', en: ' ', blt: 'Bài 1 (Thái)' })).toEqual({
      vi: 'Bài 1',
      blt: 'Bài 1 (Thái)',
    });
    expect(compactLocalized({ en: 'Lesson' })).toEqual({ vi: '', en: 'Lesson' });
  });
});
