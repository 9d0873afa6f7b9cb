import { QUESTION_IMAGE_MAX_BYTES } from '@hocvu/contracts';
import { describe, expect, it, jest } from '@jest/globals';

import {
  checkImageDimensions,
  checkImageFile,
  IMAGE_ACCEPT,
  type ImageReaders,
  readCheckedImage,
} from '../cover-file';
import { QUESTION_IMAGE_RULES } from './question-image';

describe('question image checks', () => {
  it('accepts JPEG, PNG and WebP up to 1 MB, and nothing else', () => {
    const max = QUESTION_IMAGE_RULES.maxBytes;
    expect(max).toBe(QUESTION_IMAGE_MAX_BYTES);
    expect(checkImageFile({ name: 'man-hinh.png', type: 'image/png', size: max }, max)).toBeNull();
    expect(checkImageFile({ name: 'the.jpg', type: 'image/jpeg', size: 10 }, max)).toBeNull();
    expect(checkImageFile({ name: 'anh.webp', type: 'image/webp', size: 10 }, max)).toBeNull();
    expect(checkImageFile({ name: 'IMG_0001.HEIC', type: 'image/heic', size: 10 }, max)).toBe('notImage');
    expect(checkImageFile({ name: 'dong.gif', type: 'image/gif', size: 10 }, max)).toBe('notImage');
    expect(checkImageFile({ name: 'anh.png', type: 'image/png', size: 0 }, max)).toBe('empty');
    expect(checkImageFile({ name: 'anh.png', type: 'image/png', size: max + 1 }, max)).toBe('tooLarge');
    // A phone's picker that gives no type: the extension decides.
    expect(checkImageFile({ name: 'IMG_2026.JPG', type: '', size: 10 }, max)).toBeNull();
    expect(checkImageFile({ name: 'ghi-chu.txt', type: '', size: 10 }, max)).toBe('notImage');
    expect(IMAGE_ACCEPT).toBe('image/jpeg,image/png,image/webp');
  });

  it('needs at least 64×64 pixels and at most 4000 on each side', () => {
    expect(checkImageDimensions({ width: 64, height: 64 }, QUESTION_IMAGE_RULES)).toBeNull();
    expect(checkImageDimensions({ width: 4000, height: 120 }, QUESTION_IMAGE_RULES)).toBeNull();
    expect(checkImageDimensions({ width: 63, height: 400 }, QUESTION_IMAGE_RULES)).toBe('tooSmall');
    expect(checkImageDimensions({ width: 400, height: 63 }, QUESTION_IMAGE_RULES)).toBe('tooSmall');
    expect(checkImageDimensions({ width: 4001, height: 300 }, QUESTION_IMAGE_RULES)).toBe('tooManyPixels');
  });
});

describe('readCheckedImage', () => {
  const png = (size = 100, name = 'man-hinh.png', type = 'image/png') =>
    new File([new Uint8Array(size)], name, { type });
  const readers = (size: { width: number; height: number } | Error, base64 = 'iVBORw0KGgo=') => ({
    readImageSize: jest.fn<ImageReaders['readImageSize']>(() =>
      size instanceof Error ? Promise.reject(size) : Promise.resolve(size),
    ),
    readFileAsBase64: jest.fn<ImageReaders['readFileAsBase64']>(() => Promise.resolve(base64)),
  });

  it('gives the base64 of a good image, with its size', async () => {
    const fake = readers({ width: 640, height: 480 });
    await expect(readCheckedImage(png(), QUESTION_IMAGE_RULES, fake)).resolves.toEqual({
      image: 'iVBORw0KGgo=',
      width: 640,
      height: 480,
    });
  });

  it('refuses a wrong type or size before reading a byte of it', async () => {
    const fake = readers({ width: 640, height: 480 });
    await expect(
      readCheckedImage(png(10, 'bai1.pdf', 'application/pdf'), QUESTION_IMAGE_RULES, fake),
    ).resolves.toEqual({ problem: 'notImage', size: 10 });
    const big = QUESTION_IMAGE_MAX_BYTES + 1;
    await expect(readCheckedImage(png(big), QUESTION_IMAGE_RULES, fake)).resolves.toEqual({
      problem: 'tooLarge',
      size: big,
    });
    expect(fake.readImageSize).not.toHaveBeenCalled();
    expect(fake.readFileAsBase64).not.toHaveBeenCalled();
  });

  it('names the pixels of an image too small or too large, without sending it', async () => {
    const small = readers({ width: 48, height: 48 });
    await expect(readCheckedImage(png(), QUESTION_IMAGE_RULES, small)).resolves.toEqual({
      problem: 'tooSmall',
      width: 48,
      height: 48,
    });
    expect(small.readFileAsBase64).not.toHaveBeenCalled();
    await expect(
      readCheckedImage(png(), QUESTION_IMAGE_RULES, readers({ width: 6000, height: 4000 })),
    ).resolves.toMatchObject({ problem: 'tooManyPixels', width: 6000 });
  });

  it('says the file cannot be read when the browser cannot decode it', async () => {
    await expect(
      readCheckedImage(png(), QUESTION_IMAGE_RULES, readers(new Error('decode failed'))),
    ).resolves.toEqual({ problem: 'unreadable' });
  });
});
