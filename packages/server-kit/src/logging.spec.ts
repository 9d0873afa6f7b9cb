import { loggableUrl, maskDigits } from './logging';

describe('log masking', () => {
  it('masks phone and citizen id numbers in free text', () => {
    expect(maskDigits('/api/users?q=0912345678')).toBe('/api/users?q=091*******');
    expect(maskDigits('lesson 12345')).toBe('lesson 12345');
  });

  it('keeps signed media tokens out of logged URLs, but not public cover paths', () => {
    expect(
      loggableUrl('/api/media/1795460400.DyVUN1nK7bSzNhK73z09YNLBuqo_NojC/videos/a/g1/240p/seg_00002.ts'),
    ).toBe('/api/media/[token]/videos/a/g1/240p/seg_00002.ts');
    expect(loggableUrl('/api/media/public/covers/c/abc.png')).toBe('/api/media/public/covers/c/abc.png');
    expect(loggableUrl('/api/users?phone=0912345678')).toBe('/api/users?phone=091*******');
  });
});
