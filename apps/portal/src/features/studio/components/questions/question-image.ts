import { COVER_MAX_SIDE, QUESTION_IMAGE_MAX_BYTES, QUESTION_IMAGE_MIN_SIDE } from '@hocvu/contracts';

import type { ImageRules } from '../cover-file';

/**
 * What the API accepts for a question's picture (JPEG, PNG or WebP, ≤ 1 MB, ≥ 64×64), checked in the
 * browser first with the cover's helpers. The API's largest side is the cover's too (4000 pixels).
 */
export const QUESTION_IMAGE_RULES: ImageRules = {
  maxBytes: QUESTION_IMAGE_MAX_BYTES,
  minWidth: QUESTION_IMAGE_MIN_SIDE,
  minHeight: QUESTION_IMAGE_MIN_SIDE,
  maxSide: COVER_MAX_SIDE,
};
