import { validateWebVtt, WEBVTT_MAX_BYTES } from './webvtt';

const vietnamese = `WEBVTT

1
00:00:00.000 --> 00:00:03.500
Chào mừng bà con đến với bài học Kỹ năng số

2
00:00:03.500 --> 00:00:08.000
Hôm nay chúng ta học cách dùng điện thoại thông minh
để tra cứu dịch vụ công trực tuyến.

00:00:08.000 --> 00:00:12.250 line:90% align:center
<v Cô giáo>Bà con hãy mở ứng dụng VNeID trên điện thoại.</v>
`;

describe('validateWebVtt', () => {
  it('accepts a Vietnamese caption file and counts its cues', () => {
    expect(validateWebVtt(vietnamese)).toEqual({ ok: true, cueCount: 3 });
  });

  it('accepts Windows line endings, a byte order mark, a header text and NOTE blocks', () => {
    const text =
      '\uFEFFWEBVTT - Bài 1: Kỹ năng số\r\n\r\nNOTE soạn bởi tổ kỹ thuật xã\r\n\r\n' +
      '00:01.000 --> 00:02.000\r\nXin chào\r\n';
    expect(validateWebVtt(text)).toEqual({ ok: true, cueCount: 1 });
  });

  it('accepts minutes-only timestamps and hours above 99', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nMột\n\n100:00:00.000 --> 100:00:01.000\nHai\n';
    expect(validateWebVtt(text)).toEqual({ ok: true, cueCount: 2 });
  });

  describe('refuses', () => {
    it('a file without the WEBVTT header (e.g. an SRT file)', () => {
      const srt = '1\n00:00:00,000 --> 00:00:03,500\nChào mừng bà con\n';
      const result = validateWebVtt(srt);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[0]).toEqual({ line: 1, message: expect.stringContaining('WEBVTT') });
    });

    it('a header that only starts with WEBVTT', () => {
      const result = validateWebVtt('WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n');
      expect(result).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    });

    it.each([
      ['commas as in SRT', '00:00:01,000 --> 00:00:02,000', /decimal separator/],
      ['two-digit milliseconds', '00:00:01.00 --> 00:00:02.000', /three digits/],
      ['60 seconds', '00:00:60.000 --> 00:01:02.000', /59 seconds/],
      ['no space before the arrow', '00:00:01.000--> 00:00:02.000', /not separated/],
      ['an end before the start', '00:00:05.000 --> 00:00:02.000', /End timestamp/],
      ['letters', 'aa:bb:cc.ddd --> 00:00:02.000', /0-9/],
    ])('a malformed timestamp: %s, on its line', (_label, timing, message) => {
      const text = `WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nĐúng\n\n${timing}\nSai\n`;
      const result = validateWebVtt(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toContainEqual({ line: 6, message: expect.stringMatching(message) });
    });

    it('a cue whose text is not well formed', () => {
      const result = validateWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<b>Chưa đóng thẻ\n');
      expect(result).toMatchObject({ ok: false, errors: [{ message: 'Required end tag missing.' }] });
    });

    it('an empty file or one of whitespace', () => {
      for (const text of ['', '  \n\n\t']) {
        expect(validateWebVtt(text)).toEqual({
          ok: false,
          errors: [{ line: 1, message: 'The caption file is empty.' }],
        });
      }
    });

    it('a header without any cue', () => {
      for (const text of ['WEBVTT\n', 'WEBVTT\n\nNOTE only a comment\n']) {
        expect(validateWebVtt(text)).toEqual({
          ok: false,
          errors: [{ line: 1, message: 'The caption file has no cues (no timed text).' }],
        });
      }
    });

    it('a file over 1 MB, before parsing it', () => {
      const cue = '00:00:00.000 --> 00:00:01.000\nChào mừng bà con\n\n';
      const big = 'WEBVTT\n\n' + cue.repeat(Math.ceil(WEBVTT_MAX_BYTES / cue.length) + 1);
      expect(validateWebVtt(big)).toEqual({
        ok: false,
        errors: [{ line: 1, message: 'The caption file is larger than 1 MB.' }],
      });
    });

    it('a file under 1 M characters but over 1 MB in UTF-8 (Vietnamese letters take 2–3 bytes)', () => {
      const cue = '00:00:00.000 --> 00:00:01.000\n' + 'ỹ'.repeat(400) + '\n\n';
      const text = 'WEBVTT\n\n' + cue.repeat(Math.ceil(WEBVTT_MAX_BYTES / 3 / 400));
      expect(text.length).toBeLessThan(WEBVTT_MAX_BYTES);
      expect(validateWebVtt(text)).toMatchObject({
        ok: false,
        errors: [{ message: expect.stringMatching(/1 MB/) }],
      });
    });
  });

  it('accepts a file just under 1 MB', () => {
    const cue = '00:00:00.000 --> 00:00:01.000\nx\n\n';
    const text = 'WEBVTT\n\n' + cue.repeat(Math.floor((WEBVTT_MAX_BYTES - 8) / cue.length));
    expect(text.length).toBeLessThanOrEqual(WEBVTT_MAX_BYTES);
    expect(validateWebVtt(text)).toMatchObject({ ok: true });
  });

  it('lists errors in file order', () => {
    const text = 'WEBVTT\n\n00:02,000 --> 00:03.000\na\n\n00:04.000 --> 00:03.000\nb\n';
    const result = validateWebVtt(text);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.line)).toEqual([3, 6]);
  });
});
