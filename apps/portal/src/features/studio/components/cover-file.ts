import { COVER_MAX_BYTES, COVER_MAX_SIDE, COVER_MIN_HEIGHT, COVER_MIN_WIDTH } from '@hocvu/contracts';

/**
 * What the studio checks about a chosen image (a course cover, a question's picture) before sending
 * it, so a teacher on a slow line hears why at once instead of after uploading a megabyte. The limits
 * are the API's own (contracts); the API checks again, by the file's content.
 */

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The file input's `accept`. */
export const IMAGE_ACCEPT = IMAGE_TYPES.join(',');

/** Extensions accepted when the phone's file picker gives no type at all. */
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'jfif', 'png', 'webp'];

/** What the API accepts for one kind of image. */
export interface ImageRules {
  maxBytes: number;
  minWidth: number;
  minHeight: number;
  /** Most pixels on either side. */
  maxSide: number;
}

export const COVER_RULES: ImageRules = {
  maxBytes: COVER_MAX_BYTES,
  minWidth: COVER_MIN_WIDTH,
  minHeight: COVER_MIN_HEIGHT,
  maxSide: COVER_MAX_SIDE,
};

export type ImageFileProblem = 'notImage' | 'empty' | 'tooLarge';

/** The file's type (or, without one, its extension) and size, before reading it. */
export function checkImageFile(
  file: { name: string; type: string; size: number },
  maxBytes: number,
): ImageFileProblem | null {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const accepted = file.type
    ? (IMAGE_TYPES as readonly string[]).includes(file.type.toLowerCase())
    : IMAGE_EXTENSIONS.includes(extension);
  if (!accepted) return 'notImage';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'tooLarge';
  return null;
}

export type ImageSizeProblem = 'tooSmall' | 'tooManyPixels';

export function checkImageDimensions(
  size: { width: number; height: number },
  rules: Pick<ImageRules, 'minWidth' | 'minHeight' | 'maxSide'>,
): ImageSizeProblem | null {
  if (size.width < rules.minWidth || size.height < rules.minHeight) return 'tooSmall';
  if (size.width > rules.maxSide || size.height > rules.maxSide) return 'tooManyPixels';
  return null;
}

/** The cover's names for the helpers above (the cover panel and its spec use them). */
export const COVER_TYPES = IMAGE_TYPES;
export const COVER_ACCEPT = IMAGE_ACCEPT;
export type CoverFileProblem = ImageFileProblem;
export type CoverSizeProblem = ImageSizeProblem;

export function checkCoverFile(file: { name: string; type: string; size: number }): CoverFileProblem | null {
  return checkImageFile(file, COVER_RULES.maxBytes);
}

export function checkCoverDimensions(size: { width: number; height: number }): CoverSizeProblem | null {
  return checkImageDimensions(size, COVER_RULES);
}

/**
 * A file size in megabytes, rounded up to hundredths: a file just over the limit reads "1,01 MB",
 * never "1 MB".
 */
export function megabytesRoundedUp(bytes: number): number {
  return Math.ceil(bytes / 1024 ** 2 / 0.01 - 1e-9) / 100;
}

/** The base64 payload of a `data:…;base64,…` URL (what FileReader.readAsDataURL gives). */
export function base64FromDataUrl(dataUrl: string): string {
  const match = /^data:[^,]*;base64,/i.exec(dataUrl);
  if (!match) throw new Error('Not a base64 data URL');
  return dataUrl.slice(match[0].length);
}

/** Why a chosen image cannot be sent, with the numbers its message needs. */
export type CheckedImageProblem =
  | { problem: ImageFileProblem; size: number }
  | { problem: ImageSizeProblem; width: number; height: number }
  | { problem: 'unreadable' };

/** How the file is read: the browser's readers below, fakes in tests. */
export interface ImageReaders {
  readImageSize: (file: Blob) => Promise<{ width: number; height: number }>;
  readFileAsBase64: (file: Blob) => Promise<string>;
}

/**
 * The chosen file in base64 once it passes every check (type, size, then pixels), or the first
 * problem found.
 */
export async function readCheckedImage(
  file: File,
  rules: ImageRules,
  readers: ImageReaders = { readImageSize, readFileAsBase64 },
): Promise<{ image: string; width: number; height: number } | CheckedImageProblem> {
  const fileProblem = checkImageFile(file, rules.maxBytes);
  if (fileProblem) return { problem: fileProblem, size: file.size };
  let size: { width: number; height: number };
  try {
    size = await readers.readImageSize(file);
  } catch {
    return { problem: 'unreadable' };
  }
  const sizeProblem = checkImageDimensions(size, rules);
  if (sizeProblem) return { problem: sizeProblem, ...size };
  try {
    return { image: await readers.readFileAsBase64(file), ...size };
  } catch {
    return { problem: 'unreadable' };
  }
}

// Browser-only helpers below: they read the file the teacher chose.

/** The image's width and height in pixels; rejects when the browser cannot decode it. */
export async function readImageSize(file: Blob): Promise<{ width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    } catch {
      // Some older WebViews cannot decode every format this way: try an <img> below.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file's bytes in base64, as the API takes them. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      try {
        if (typeof reader.result !== 'string') throw new Error('The file was not read as a data URL');
        resolve(base64FromDataUrl(reader.result));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}
