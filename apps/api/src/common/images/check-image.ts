import { ErrorCode } from '@hocvu/contracts';
import { HttpStatus } from '@nestjs/common';
import { imageSize } from 'image-size';

import { AppError } from '../errors/app-error';

export interface ImageRules {
  /** What the image is, for messages ("The cover", "The question image"). */
  label: string;
  code: ErrorCode;
  maxBytes: number;
  minWidth: number;
  minHeight: number;
  maxSide: number;
}

/**
 * Checks an uploaded image by its content, never by its name: a JPEG, PNG or WebP within the size
 * and dimension rules. Returns the file extension to store it under; throws `rules.code` (422) with a
 * plain message otherwise.
 */
export function checkImage(image: Buffer, rules: ImageRules): 'jpg' | 'png' | 'webp' {
  const refuse = (message: string) => new AppError(rules.code, HttpStatus.UNPROCESSABLE_ENTITY, message);
  const megabytes = Math.round((rules.maxBytes / 1024 / 1024) * 10) / 10;
  if (image.length === 0 || image.length > rules.maxBytes) {
    throw refuse(`${rules.label} must be an image of at most ${megabytes} MB`);
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(image);
  } catch {
    throw refuse(`${rules.label} is not an image`);
  }
  const type = size.type === 'jpg' || size.type === 'png' || size.type === 'webp' ? size.type : null;
  if (!type) throw refuse(`${rules.label} must be a JPEG, PNG or WebP image`);
  if (size.width < rules.minWidth || size.height < rules.minHeight) {
    throw refuse(`${rules.label} must be at least ${rules.minWidth}×${rules.minHeight} pixels`);
  }
  if (size.width > rules.maxSide || size.height > rules.maxSide) {
    throw refuse(`${rules.label} must be at most ${rules.maxSide} pixels on each side`);
  }
  return type;
}
