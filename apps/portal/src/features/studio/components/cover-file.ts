import { COVER_MAX_BYTES, COVER_MAX_SIDE, COVER_MIN_HEIGHT, COVER_MIN_WIDTH } from '@hocvu/contracts';

/**
 * What the studio checks about a chosen cover image before sending it, so a teacher on a slow line
 * hears why at once instead of after uploading a megabyte. The limits are the API's own (contracts);
 * the API checks again, by the file's content.
 */

export const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The file input's `accept`. */
export const COVER_ACCEPT = COVER_TYPES.join(',');

/** Extensions accepted when the phone's file picker gives no type at all. */
const COVER_EXTENSIONS = ['jpg', 'jpeg', 'jfif', 'png', 'webp'];

export type CoverFileProblem = 'notImage' | 'empty' | 'tooLarge';

export function checkCoverFile(file: { name: string; type: string; size: number }): CoverFileProblem | null {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const accepted = file.type
    ? (COVER_TYPES as readonly string[]).includes(file.type.toLowerCase())
    : COVER_EXTENSIONS.includes(extension);
  if (!accepted) return 'notImage';
  if (file.size === 0) return 'empty';
  if (file.size > COVER_MAX_BYTES) return 'tooLarge';
  return null;
}

export type CoverSizeProblem = 'tooSmall' | 'tooManyPixels';

export function checkCoverDimensions(size: { width: number; height: number }): CoverSizeProblem | null {
  if (size.width < COVER_MIN_WIDTH || size.height < COVER_MIN_HEIGHT) return 'tooSmall';
  if (size.width > COVER_MAX_SIDE || size.height > COVER_MAX_SIDE) return 'tooManyPixels';
  return null;
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
