import { ffprobeArgs, interpretProbe, ProbeLimits, VideoRejection } from './probe';

const limits: ProbeLimits = { maxDurationSeconds: 3 * 3600, maxWidth: 1920, maxHeight: 1080 };

// Trimmed from what Debian's ffprobe 5.1 prints for real files (numbers come as strings).
const h264Stream = {
  index: 0,
  codec_name: 'h264',
  codec_type: 'video',
  width: 1280,
  height: 720,
  duration: '6.000000',
  disposition: { default: 1, attached_pic: 0 },
  tags: { language: 'und', handler_name: 'VideoHandler' },
};
const aacStream = {
  index: 1,
  codec_name: 'aac',
  codec_type: 'audio',
  sample_rate: '44100',
  channels: 1,
  duration: '6.000000',
  disposition: { default: 1, attached_pic: 0 },
};
const mp4Format = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '6.000000', nb_streams: 2 };

function probeJson(overrides: { streams?: unknown[]; format?: unknown } = {}): Record<string, unknown> {
  return { streams: [h264Stream, aacStream], format: mp4Format, ...overrides };
}

function expectRejected(result: ReturnType<typeof interpretProbe>, code: VideoRejection): string {
  if (result.ok) throw new Error(`expected ${code}, got ok`);
  expect(result.code).toBe(code);
  expect(result.message).toMatch(/^[A-Z].*\.$/);
  return result.message;
}

describe('ffprobeArgs', () => {
  it('asks for the format and every stream as JSON, quietly', () => {
    expect(ffprobeArgs('/data/uploads/abc.mp4')).toEqual([
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      '/data/uploads/abc.mp4',
    ]);
  });

  it('keeps a relative path starting with "-" from being read as an option', () => {
    expect(ffprobeArgs('-x.mp4').at(-1)).toBe('./-x.mp4');
  });
});

describe('interpretProbe', () => {
  it('describes an ordinary MP4 with sound', () => {
    expect(interpretProbe(probeJson(), limits)).toEqual({
      ok: true,
      probe: { durationSeconds: 6, width: 1280, height: 720, hasAudio: true, videoCodec: 'h264' },
    });
  });

  it('accepts the raw stdout string as well as the parsed object', () => {
    expect(interpretProbe(JSON.stringify(probeJson()), limits)).toEqual(interpretProbe(probeJson(), limits));
  });

  it('reports a video without sound', () => {
    const result = interpretProbe(probeJson({ streams: [h264Stream] }), limits);
    expect(result.ok && result.probe.hasAudio).toBe(false);
  });

  describe('unreadable input', () => {
    it.each([
      ['not JSON at all', 'Invalid data found when processing input'],
      ['truncated JSON', '{"streams": ['],
      ['an empty object (ffprobe on a text file)', {}],
      ['JSON without a format', { streams: [h264Stream] }],
      ['a format that is not an object', { streams: [h264Stream], format: 'mp4' }],
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['an array', [probeJson()]],
      ['the JSON text of null', 'null'],
    ])('%s', (_label, input) => {
      expectRejected(interpretProbe(input, limits), VideoRejection.Unreadable);
    });

    it('a video stream without a usable size', () => {
      const noSize = { ...h264Stream, width: 0, height: undefined };
      expectRejected(interpretProbe(probeJson({ streams: [noSize] }), limits), VideoRejection.Unreadable);
    });
  });

  describe('no video stream', () => {
    it('an MP3 whose only picture is its cover art', () => {
      const json = {
        streams: [
          { codec_type: 'audio', codec_name: 'mp3', duration: '3.030204' },
          {
            codec_type: 'video',
            codec_name: 'mjpeg',
            width: 320,
            height: 240,
            duration: '3.030200',
            disposition: { default: 0, attached_pic: 1 },
          },
        ],
        format: { format_name: 'mp3', duration: '3.030204' },
      };
      const message = expectRejected(interpretProbe(json, limits), VideoRejection.NoVideoStream);
      expect(message).toBe('The file has no video track.');
    });

    it('an audio-only M4A', () => {
      const json = probeJson({ streams: [aacStream] });
      expectRejected(interpretProbe(json, limits), VideoRejection.NoVideoStream);
    });

    it('a file with no streams at all, or streams that is not a list', () => {
      expectRejected(interpretProbe(probeJson({ streams: [] }), limits), VideoRejection.NoVideoStream);
      const json = { streams: 'none', format: mp4Format };
      expectRejected(interpretProbe(json, limits), VideoRejection.NoVideoStream);
    });

    it.each([
      ['a PNG (png_pipe, no duration)', 'png_pipe', undefined],
      ['a JPEG named .jpg (image2, one 40 ms frame)', 'image2', '0.040000'],
      ['a WebP', 'webp_pipe', undefined],
      ['a JPEG read from a pipe', 'jpeg_pipe', undefined],
    ])('%s', (_label, formatName, duration) => {
      const json = {
        streams: [{ codec_type: 'video', codec_name: 'png', width: 320, height: 240, duration }],
        format: { format_name: formatName, duration },
      };
      const message = expectRejected(interpretProbe(json, limits), VideoRejection.NoVideoStream);
      expect(message).toBe('The file is a still image, not a video.');
    });

    it('uses the real video after leading cover art', () => {
      const cover = {
        ...h264Stream,
        codec_name: 'mjpeg',
        width: 600,
        height: 600,
        disposition: { attached_pic: 1 },
      };
      const result = interpretProbe(probeJson({ streams: [cover, h264Stream, aacStream] }), limits);
      expect(result).toMatchObject({ ok: true, probe: { width: 1280, height: 720, videoCodec: 'h264' } });
    });
  });

  describe('duration', () => {
    it('prefers the container duration', () => {
      const json = probeJson({ format: { ...mp4Format, duration: '12.5' } });
      expect(interpretProbe(json, limits)).toMatchObject({ ok: true, probe: { durationSeconds: 12.5 } });
    });

    it('falls back to the video stream duration (e.g. WebM/MKV stream without a container duration)', () => {
      const json = probeJson({
        streams: [{ ...h264Stream, duration: '7.25' }],
        format: { format_name: 'matroska,webm' },
      });
      expect(interpretProbe(json, limits)).toMatchObject({ ok: true, probe: { durationSeconds: 7.25 } });
    });

    it('falls back to the longest stream when neither format nor video has one', () => {
      const json = probeJson({
        streams: [
          { ...h264Stream, duration: undefined },
          { ...aacStream, duration: '9.5' },
        ],
        format: { format_name: 'mpegts', duration: 'N/A' },
      });
      expect(interpretProbe(json, limits)).toMatchObject({ ok: true, probe: { durationSeconds: 9.5 } });
    });

    it.each([
      ['missing everywhere', undefined, undefined],
      ['"N/A"', 'N/A', 'N/A'],
      ['an empty string', '', ''],
      ['zero', '0.000000', '0.000000'],
      ['under half a second', '0.400000', '0.400000'],
      ['negative', '-3', '-3'],
    ])('is Empty when %s', (_label, formatDuration, streamDuration) => {
      const json = probeJson({
        streams: [{ ...h264Stream, duration: streamDuration }],
        format: { ...mp4Format, duration: formatDuration },
      });
      expectRejected(interpretProbe(json, limits), VideoRejection.Empty);
    });

    it('accepts exactly half a second and exactly the limit', () => {
      const half = probeJson({ format: { ...mp4Format, duration: '0.5' } });
      expect(interpretProbe(half, limits).ok).toBe(true);
      const atLimit = probeJson({ format: { ...mp4Format, duration: String(limits.maxDurationSeconds) } });
      expect(interpretProbe(atLimit, limits).ok).toBe(true);
    });

    it('is TooLong past the limit, saying both lengths', () => {
      const json = probeJson({ format: { ...mp4Format, duration: '10803.2' } });
      const message = expectRejected(interpretProbe(json, limits), VideoRejection.TooLong);
      expect(message).toBe('The video lasts 3 h 00 min 03 s; the longest allowed is 3 h 00 min 00 s.');
    });

    it('words shorter lengths in minutes and seconds', () => {
      const json = probeJson({ format: { ...mp4Format, duration: '250' } });
      const short = { ...limits, maxDurationSeconds: 45 };
      const message = expectRejected(interpretProbe(json, short), VideoRejection.TooLong);
      expect(message).toBe('The video lasts 4 min 10 s; the longest allowed is 45 s.');
    });

    it('checks duration before resolution', () => {
      const json = probeJson({
        streams: [{ ...h264Stream, width: 3840, height: 2160 }],
        format: { ...mp4Format, duration: '0.1' },
      });
      expectRejected(interpretProbe(json, limits), VideoRejection.Empty);
    });
  });

  describe('resolution', () => {
    it('accepts exactly the limit', () => {
      const json = probeJson({ streams: [{ ...h264Stream, width: 1920, height: 1080 }] });
      expect(interpretProbe(json, limits)).toMatchObject({ ok: true, probe: { width: 1920, height: 1080 } });
    });

    it.each([
      ['too wide', 2560, 1080],
      ['too tall', 1920, 1200],
      ['4K', 3840, 2160],
    ])('is ResolutionTooHigh when %s', (_label, width, height) => {
      const json = probeJson({ streams: [{ ...h264Stream, width, height }] });
      const message = expectRejected(interpretProbe(json, limits), VideoRejection.ResolutionTooHigh);
      expect(message).toBe(`The video is ${width}×${height} pixels; the largest allowed is 1920×1080.`);
    });

    it('accepts numeric strings for the size', () => {
      const json = probeJson({ streams: [{ ...h264Stream, width: '640', height: '360' }] });
      expect(interpretProbe(json, limits)).toMatchObject({ ok: true, probe: { width: 640, height: 360 } });
    });
  });

  describe('rotation', () => {
    const phone = { ...h264Stream, codec_name: 'hevc', width: 1920, height: 1080 };
    const portraitLimits: ProbeLimits = { ...limits, maxWidth: 1920, maxHeight: 1920 };

    it.each([-90, 90, 270, -270])(
      'swaps width and height for a display-matrix rotation of %i°',
      (rotation) => {
        const stream = {
          ...phone,
          side_data_list: [{ side_data_type: 'Display Matrix', displaymatrix: '…', rotation }],
        };
        const result = interpretProbe(probeJson({ streams: [stream, aacStream] }), portraitLimits);
        expect(result).toMatchObject({ ok: true, probe: { width: 1080, height: 1920, videoCodec: 'hevc' } });
      },
    );

    it('swaps for the older "rotate" tag', () => {
      const stream = { ...phone, tags: { rotate: '90' } };
      const result = interpretProbe(probeJson({ streams: [stream] }), portraitLimits);
      expect(result).toMatchObject({ ok: true, probe: { width: 1080, height: 1920 } });
    });

    it.each([0, 180, -180, 360])('keeps the size for %i°', (rotation) => {
      const stream = { ...phone, side_data_list: [{ side_data_type: 'Display Matrix', rotation }] };
      const result = interpretProbe(probeJson({ streams: [stream] }), portraitLimits);
      expect(result).toMatchObject({ ok: true, probe: { width: 1920, height: 1080 } });
    });

    it('ignores side data without a rotation', () => {
      const stream = { ...phone, side_data_list: [{ side_data_type: 'CPB properties' }, 'junk'] };
      const result = interpretProbe(probeJson({ streams: [stream] }), portraitLimits);
      expect(result).toMatchObject({ ok: true, probe: { width: 1920, height: 1080 } });
    });

    it('checks the limits against the rotated size', () => {
      const stream = { ...phone, side_data_list: [{ rotation: -90 }] };
      // 1080×1920 once rotated: too tall for a 1920×1080 limit.
      const message = expectRejected(
        interpretProbe(probeJson({ streams: [stream] }), limits),
        VideoRejection.ResolutionTooHigh,
      );
      expect(message).toContain('1080×1920');
    });
  });

  it('names the codec "unknown" when ffprobe does not', () => {
    const json = probeJson({ streams: [{ ...h264Stream, codec_name: undefined }] });
    expect(interpretProbe(json, limits)).toMatchObject({ ok: true, probe: { videoCodec: 'unknown' } });
  });
});
