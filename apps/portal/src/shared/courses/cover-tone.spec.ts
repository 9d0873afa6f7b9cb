import { describe, expect, it } from '@jest/globals';

import { COVER_TONES, coverTone } from './cover-tone';

describe('coverTone', () => {
  it('gives a course always the same colour', () => {
    const id = '0d5c6a3e-4b1f-4c1e-9d7a-2f1e8c3b5a90';
    expect(coverTone(id)).toBe(coverTone(id));
  });

  it('stays within the colours there are, and uses them all', () => {
    const tones = new Set(Array.from({ length: 200 }, (_, index) => coverTone(`course-${index}`)));
    expect([...tones].every((tone) => Number.isInteger(tone) && tone >= 0 && tone < COVER_TONES)).toBe(true);
    expect(tones.size).toBe(COVER_TONES);
    expect(coverTone('')).toBe(0);
  });
});
