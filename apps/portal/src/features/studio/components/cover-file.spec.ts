import { COVER_MAX_BYTES } from '@hocvu/contracts';
import { describe, expect, it } from '@jest/globals';

import {
  base64FromDataUrl,
  checkCoverDimensions,
  checkCoverFile,
  COVER_ACCEPT,
  megabytesRoundedUp,
} from './cover-file';

describe('checkCoverFile', () => {
  it('accepts JPEG, PNG and WebP images up to 1 MB', () => {
    expect(checkCoverFile({ name: 'bia.jpg', type: 'image/jpeg', size: 10 })).toBeNull();
    expect(checkCoverFile({ name: 'bia.png', type: 'image/png', size: COVER_MAX_BYTES })).toBeNull();
    expect(checkCoverFile({ name: 'bia.webp', type: 'image/webp', size: 10 })).toBeNull();
  });

  it('refuses other types, empty files and files over 1 MB', () => {
    expect(checkCoverFile({ name: 'bia.gif', type: 'image/gif', size: 10 })).toBe('notImage');
    expect(checkCoverFile({ name: 'IMG_0001.HEIC', type: 'image/heic', size: 10 })).toBe('notImage');
    expect(checkCoverFile({ name: 'bai1.pdf', type: 'application/pdf', size: 10 })).toBe('notImage');
    expect(checkCoverFile({ name: 'bia.png', type: 'image/png', size: 0 })).toBe('empty');
    expect(checkCoverFile({ name: 'bia.jpg', type: 'image/jpeg', size: COVER_MAX_BYTES + 1 })).toBe(
      'tooLarge',
    );
  });

  it('goes by the extension when the phone gives no type', () => {
    expect(checkCoverFile({ name: 'IMG_2026.JPG', type: '', size: 10 })).toBeNull();
    expect(checkCoverFile({ name: 'anh.webp', type: '', size: 10 })).toBeNull();
    expect(checkCoverFile({ name: 'ghi-chu.txt', type: '', size: 10 })).toBe('notImage');
    expect(checkCoverFile({ name: 'khong-duoi', type: '', size: 10 })).toBe('notImage');
  });

  it('offers the same types to the file picker', () => {
    expect(COVER_ACCEPT).toBe('image/jpeg,image/png,image/webp');
  });
});

describe('checkCoverDimensions', () => {
  it('needs at least 320×180 and at most 4000 on each side', () => {
    expect(checkCoverDimensions({ width: 320, height: 180 })).toBeNull();
    expect(checkCoverDimensions({ width: 1280, height: 720 })).toBeNull();
    expect(checkCoverDimensions({ width: 4000, height: 4000 })).toBeNull();
    expect(checkCoverDimensions({ width: 319, height: 720 })).toBe('tooSmall');
    expect(checkCoverDimensions({ width: 1280, height: 179 })).toBe('tooSmall');
    expect(checkCoverDimensions({ width: 4001, height: 2000 })).toBe('tooManyPixels');
    expect(checkCoverDimensions({ width: 2000, height: 4001 })).toBe('tooManyPixels');
  });
});

describe('base64FromDataUrl', () => {
  it('strips the data URL prefix', () => {
    expect(base64FromDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
    expect(base64FromDataUrl('data:;base64,AAAA')).toBe('AAAA');
    expect(base64FromDataUrl('data:image/jpeg;name=b%C3%ACa.jpg;base64,/9j/')).toBe('/9j/');
  });

  it('refuses anything that is not base64', () => {
    expect(() => base64FromDataUrl('data:text/plain,xin%20ch%C3%A0o')).toThrow();
    expect(() => base64FromDataUrl('iVBORw0KGgo=')).toThrow();
  });
});

describe('megabytesRoundedUp', () => {
  it('never rounds a file over the limit down to the limit', () => {
    expect(megabytesRoundedUp(COVER_MAX_BYTES + 1)).toBe(1.01);
    expect(megabytesRoundedUp(COVER_MAX_BYTES)).toBe(1);
    expect(megabytesRoundedUp(3.5 * 1024 ** 2)).toBe(3.5);
    expect(megabytesRoundedUp(2_345_678)).toBe(2.24);
  });
});
