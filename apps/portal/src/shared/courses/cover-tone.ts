/** How many placeholder colours course-ui.css defines (`.course-cover[data-tone='0'…'5']`). */
export const COVER_TONES = 6;

/**
 * The placeholder colour of a course without a cover: picked from its id, so a course keeps its
 * colour from page to page and neighbouring cards usually differ.
 */
export function coverTone(seed: string): number {
  let hash = 0;
  for (let index = 0; index < seed.length; index += 1) {
    hash = (hash * 31 + seed.charCodeAt(index)) >>> 0;
  }
  return hash % COVER_TONES;
}
