import { describe, expect, it, jest } from '@jest/globals';

import { shareLink } from './share';

const data = { title: 'Chứng nhận', text: 'Xác minh', url: 'https://hocvu.example/verify/DB-2026-000001' };

describe('sharing a verification link', () => {
  it("uses the phone's share sheet when there is one", async () => {
    const share = jest.fn((_data: ShareData) => Promise.resolve());
    const writeText = jest.fn((_text: string) => Promise.resolve());
    await expect(shareLink({ share, clipboard: { writeText } }, data)).resolves.toBe('shared');
    expect(share).toHaveBeenCalledWith(data);
    expect(writeText).not.toHaveBeenCalled();
  });

  it('treats closing the share sheet as a choice, not a failure', async () => {
    const share = jest.fn(() => Promise.reject(Object.assign(new Error('closed'), { name: 'AbortError' })));
    await expect(shareLink({ share }, data)).resolves.toBe('cancelled');
  });

  it('copies the link where there is no share sheet, or it refuses', async () => {
    const writeText = jest.fn((_text: string) => Promise.resolve());
    await expect(shareLink({ clipboard: { writeText } }, data)).resolves.toBe('copied');
    expect(writeText).toHaveBeenCalledWith(data.url);

    const share = jest.fn(() =>
      Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })),
    );
    await expect(shareLink({ share, clipboard: { writeText } }, data)).resolves.toBe('copied');
  });

  it('fails when neither works, so the link can be shown to copy by hand', async () => {
    await expect(shareLink({}, data)).resolves.toBe('failed');
    const writeText = jest.fn(() => Promise.reject(new Error('insecure context')));
    await expect(shareLink({ clipboard: { writeText } }, data)).resolves.toBe('failed');
  });
});
