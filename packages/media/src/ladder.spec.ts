import {
  AUDIO_ONLY_RUNG,
  audioOnlyRungName,
  DEFAULT_LADDER,
  hlsLadderArgs,
  LadderSettings,
  MASTER_PLAYLIST,
  parseProgress,
  posterArgs,
  selectRungs,
  VideoRung,
} from './ladder';
import { ProbeResult } from './probe';

const hd: ProbeResult = { durationSeconds: 6, width: 1280, height: 720, hasAudio: true, videoCodec: 'h264' };

/** The value that follows `option` (its first occurrence). */
function valueOf(args: string[], option: string): string | undefined {
  const i = args.indexOf(option);
  return i === -1 ? undefined : args[i + 1];
}

/** Every value that follows `option`. */
function valuesOf(args: string[], option: string): string[] {
  return args.flatMap((arg, i) => (arg === option ? [args[i + 1]] : []));
}

describe('DEFAULT_LADDER', () => {
  it('has 4 s segments, five rungs from 144p to 720p and a 48 kbit/s audio-only rendition', () => {
    expect(DEFAULT_LADDER.segmentSeconds).toBe(4);
    expect(DEFAULT_LADDER.rungs.map((r) => r.name)).toEqual(['144p', '240p', '360p', '480p', '720p']);
    expect(DEFAULT_LADDER.rungs.map((r) => r.height)).toEqual([144, 240, 360, 480, 720]);
    expect(DEFAULT_LADDER.audioOnlyKbps).toBe(48);
    expect(DEFAULT_LADDER.preset).toBe('veryfast');
  });

  it('keeps bitrates low enough for mobile data and rising with each rung', () => {
    const rungs = DEFAULT_LADDER.rungs;
    expect(rungs[0]).toMatchObject({ videoKbps: 95, audioKbps: 32 });
    expect(rungs[4]).toMatchObject({ videoKbps: 1500, audioKbps: 128 });
    for (const [i, rung] of rungs.entries()) {
      expect(rung.maxrateKbps).toBeGreaterThan(rung.videoKbps);
      expect(rung.bufsizeKbps).toBeGreaterThanOrEqual(rung.maxrateKbps);
      if (i > 0) {
        expect(rung.videoKbps).toBeGreaterThan(rungs[i - 1].videoKbps);
        expect(rung.audioKbps).toBeGreaterThanOrEqual(rungs[i - 1].audioKbps);
      }
    }
    // The lowest rung with its sound fits a weak 3G link.
    expect(rungs[0].videoKbps + rungs[0].audioKbps).toBeLessThan(150);
  });

  it('names the audio-only rendition "audio"', () => {
    expect(AUDIO_ONLY_RUNG).toBe('audio');
    expect(audioOnlyRungName).toBe('audio');
  });
});

describe('selectRungs', () => {
  const heights = (probe: Partial<ProbeResult>) =>
    selectRungs(DEFAULT_LADDER, { ...hd, ...probe }).map((r) => r.height);

  it.each([
    [2160, [144, 240, 360, 480, 720]],
    [1080, [144, 240, 360, 480, 720]],
    [720, [144, 240, 360, 480, 720]],
    [719, [144, 240, 360, 480]],
    [480, [144, 240, 360, 480]],
    [400, [144, 240, 360]],
    [144, [144]],
  ])('a %ip source gets %j (never upscaled)', (height, expected) => {
    expect(heights({ height })).toEqual(expected);
  });

  it('uses the (rotated) height, so a portrait phone clip gets every rung', () => {
    expect(heights({ width: 720, height: 1280 })).toEqual([144, 240, 360, 480, 720]);
  });

  it('gives a source shorter than the lowest rung one rung at its own height with the lowest bitrates', () => {
    const [only, ...rest] = selectRungs(DEFAULT_LADDER, { ...hd, width: 200, height: 120 });
    expect(rest).toEqual([]);
    expect(only).toEqual({ ...DEFAULT_LADDER.rungs[0], name: '120p', height: 120 });
  });

  it('rounds an odd small height down to an even one', () => {
    expect(selectRungs(DEFAULT_LADDER, { ...hd, width: 160, height: 97 })).toEqual([
      expect.objectContaining({ name: '96p', height: 96, videoKbps: 95 }),
    ]);
  });

  it('sorts rungs given out of order, lowest first, without changing the settings', () => {
    const rungs = [...DEFAULT_LADDER.rungs].reverse();
    const settings: LadderSettings = { ...DEFAULT_LADDER, rungs };
    expect(selectRungs(settings, hd).map((r) => r.name)).toEqual(['144p', '240p', '360p', '480p', '720p']);
    expect(settings.rungs[0].name).toBe('720p');
  });

  it('returns nothing for a ladder without rungs', () => {
    expect(selectRungs({ ...DEFAULT_LADDER, rungs: [] }, hd)).toEqual([]);
  });
});

describe('hlsLadderArgs', () => {
  const args = hlsLadderArgs(DEFAULT_LADDER, hd, '/data/in/source.mp4', '/data/out/lesson-1');

  it('is the full command for a 720p source with sound', () => {
    expect(args).toEqual([
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', '-y'],
      ...['-i', '/data/in/source.mp4'],
      '-filter_complex',
      '[0:V:0]split=5[s0][s1][s2][s3][s4];[s0]scale=-2:144[v0];[s1]scale=-2:240[v1];' +
        '[s2]scale=-2:360[v2];[s3]scale=-2:480[v3];[s4]scale=-2:720[v4]',
      ...['-map', '[v0]', '-b:v:0', '95k', '-maxrate:v:0', '115k', '-bufsize:v:0', '190k'],
      ...['-map', '0:a:0', '-b:a:0', '32k'],
      ...['-map', '[v1]', '-b:v:1', '200k', '-maxrate:v:1', '240k', '-bufsize:v:1', '400k'],
      ...['-map', '0:a:0', '-b:a:1', '48k'],
      ...['-map', '[v2]', '-b:v:2', '400k', '-maxrate:v:2', '480k', '-bufsize:v:2', '800k'],
      ...['-map', '0:a:0', '-b:a:2', '64k'],
      ...['-map', '[v3]', '-b:v:3', '750k', '-maxrate:v:3', '900k', '-bufsize:v:3', '1500k'],
      ...['-map', '0:a:0', '-b:a:3', '96k'],
      ...['-map', '[v4]', '-b:v:4', '1500k', '-maxrate:v:4', '1800k', '-bufsize:v:4', '3000k'],
      ...['-map', '0:a:0', '-b:a:4', '128k'],
      ...['-map', '0:a:0', '-b:a:5', '48k'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p'],
      ...['-fpsmax', '30'],
      ...['-force_key_frames', 'expr:gte(t,n_forced*4)', '-sc_threshold', '0', '-g', '240'],
      ...['-c:a', 'aac', '-ac', '2', '-ar', '48000'],
      ...['-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod'],
      ...['-hls_flags', 'independent_segments', '-hls_segment_type', 'mpegts'],
      ...['-master_pl_name', 'master.m3u8'],
      ...['-hls_segment_filename', '/data/out/lesson-1/%v/seg_%05d.ts'],
      '-var_stream_map',
      'v:0,a:0,name:144p v:1,a:1,name:240p v:2,a:2,name:360p v:3,a:3,name:480p v:4,a:4,name:720p a:5,name:audio',
      '/data/out/lesson-1/%v/index.m3u8',
    ]);
  });

  it('decodes the input once and scales once per rung', () => {
    expect(valuesOf(args, '-i')).toEqual(['/data/in/source.mp4']);
    expect(valuesOf(args, '-filter_complex')).toHaveLength(1);
    expect(valueOf(args, '-filter_complex')?.match(/scale=/g)).toHaveLength(5);
  });

  it('maps the sound once per variant plus once for the audio-only rendition', () => {
    expect(valuesOf(args, '-map')).toEqual([
      '[v0]',
      '0:a:0',
      '[v1]',
      '0:a:0',
      '[v2]',
      '0:a:0',
      '[v3]',
      '0:a:0',
      '[v4]',
      '0:a:0',
      '0:a:0',
    ]);
  });

  it('ends with the variant playlist pattern, after every option', () => {
    expect(args.at(-1)).toBe(`/data/out/lesson-1/%v/index.m3u8`);
    expect(valueOf(args, '-master_pl_name')).toBe(MASTER_PLAYLIST);
  });

  it('leaves the sound out entirely when the source has none', () => {
    const silent = hlsLadderArgs(DEFAULT_LADDER, { ...hd, hasAudio: false }, '/in.mp4', '/out');
    expect(valuesOf(silent, '-map')).toEqual(['[v0]', '[v1]', '[v2]', '[v3]', '[v4]']);
    expect(silent.some((arg) => arg.startsWith('-b:a') || arg === '-c:a')).toBe(false);
    expect(valueOf(silent, '-var_stream_map')).toBe(
      'v:0,name:144p v:1,name:240p v:2,name:360p v:3,name:480p v:4,name:720p',
    );
  });

  it('makes one rung, without split, for a tiny source', () => {
    const tiny = hlsLadderArgs(DEFAULT_LADDER, { ...hd, width: 200, height: 120 }, '/in.mp4', '/out');
    expect(valueOf(tiny, '-filter_complex')).toBe('[0:V:0]scale=-2:120[v0]');
    expect(valueOf(tiny, '-var_stream_map')).toBe('v:0,a:0,name:120p a:1,name:audio');
    expect(valueOf(tiny, '-b:v:0')).toBe('95k');
    expect(valueOf(tiny, '-b:a:1')).toBe('48k');
  });

  it('follows the settings: segment length, preset, audio-only bitrate, custom rungs', () => {
    const rungs: VideoRung[] = [
      { name: 'low', height: 180, videoKbps: 120, maxrateKbps: 150, bufsizeKbps: 240, audioKbps: 40 },
      { name: 'high', height: 540, videoKbps: 900, maxrateKbps: 1000, bufsizeKbps: 1800, audioKbps: 96 },
    ];
    const settings: LadderSettings = { segmentSeconds: 6, rungs, audioOnlyKbps: 32, preset: 'medium' };
    const custom = hlsLadderArgs(settings, hd, '/in.mp4', '/out');
    expect(valueOf(custom, '-hls_time')).toBe('6');
    expect(valueOf(custom, '-force_key_frames')).toBe('expr:gte(t,n_forced*6)');
    expect(valueOf(custom, '-g')).toBe('360');
    expect(valueOf(custom, '-preset')).toBe('medium');
    expect(valueOf(custom, '-b:a:2')).toBe('32k');
    expect(valueOf(custom, '-maxrate:v:1')).toBe('1000k');
    expect(valueOf(custom, '-var_stream_map')).toBe('v:0,a:0,name:low v:1,a:1,name:high a:2,name:audio');
  });

  it('writes fractional segment lengths without float noise', () => {
    const custom = hlsLadderArgs({ ...DEFAULT_LADDER, segmentSeconds: 0.1 + 0.2 }, hd, '/in.mp4', '/out');
    expect(valueOf(custom, '-hls_time')).toBe('0.3');
    expect(valueOf(custom, '-force_key_frames')).toBe('expr:gte(t,n_forced*0.3)');
  });

  it('tolerates a trailing slash on the output folder', () => {
    const slashed = hlsLadderArgs(DEFAULT_LADDER, hd, '/in.mp4', '/out/');
    expect(valueOf(slashed, '-hls_segment_filename')).toBe('/out/%v/seg_%05d.ts');
    expect(slashed.at(-1)).toBe('/out/%v/index.m3u8');
  });

  it('protects relative paths that start with "-"', () => {
    const dashed = hlsLadderArgs(DEFAULT_LADDER, hd, '-in.mp4', '-out');
    expect(valueOf(dashed, '-i')).toBe('./-in.mp4');
    expect(dashed.at(-1)).toBe('./-out/%v/index.m3u8');
  });

  it.each([
    ['a space', '360 p'],
    ['a comma', '360,p'],
    ['a colon', 'v:360'],
    ['a slash', '../360p'],
    ['nothing', ''],
    ['the audio-only name', 'audio'],
  ])('refuses a rung name with %s', (_label, name) => {
    const rungs = [{ ...DEFAULT_LADDER.rungs[0], name }];
    expect(() => hlsLadderArgs({ ...DEFAULT_LADDER, rungs }, hd, '/in.mp4', '/out')).toThrow(/Rung name/);
  });

  it('refuses an output folder with "%" (ffmpeg would expand it), an empty one, no rungs, no segment length', () => {
    expect(() => hlsLadderArgs(DEFAULT_LADDER, hd, '/in.mp4', '/out/100%')).toThrow(/%/);
    expect(() => hlsLadderArgs(DEFAULT_LADDER, hd, '/in.mp4', '')).toThrow(/empty/);
    expect(() => hlsLadderArgs({ ...DEFAULT_LADDER, rungs: [] }, hd, '/in.mp4', '/out')).toThrow(/no rungs/);
    expect(() => hlsLadderArgs({ ...DEFAULT_LADDER, segmentSeconds: 0 }, hd, '/in.mp4', '/out')).toThrow(
      /segmentSeconds/,
    );
  });
});

describe('posterArgs', () => {
  it('takes one JPEG frame at 1 s, no taller than 720 pixels', () => {
    const full: ProbeResult = { ...hd, durationSeconds: 600, width: 1920, height: 1080 };
    expect(posterArgs(full, '/in.mp4', '/out/poster.jpg')).toEqual([
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'],
      ...['-ss', '1', '-i', '/in.mp4'],
      ...['-map', '0:V:0', '-an', '-sn', '-dn'],
      ...['-vf', 'scale=-2:720', '-frames:v', '1', '-q:v', '4'],
      ...['-f', 'image2', '-update', '1', '-c:v', 'mjpeg'],
      '/out/poster.jpg',
    ]);
  });

  it('takes the frame at 10 % of a video shorter than 10 s', () => {
    expect(valueOf(posterArgs({ ...hd, durationSeconds: 6 }, '/in.mp4', '/p.jpg'), '-ss')).toBe('0.6');
    expect(valueOf(posterArgs({ ...hd, durationSeconds: 0.5 }, '/in.mp4', '/p.jpg'), '-ss')).toBe('0.05');
    expect(valueOf(posterArgs({ ...hd, durationSeconds: 10 }, '/in.mp4', '/p.jpg'), '-ss')).toBe('1');
  });

  it('keeps a small source at its own height', () => {
    const small = posterArgs({ ...hd, width: 200, height: 120 }, '/in.mp4', '/p.jpg');
    expect(valueOf(small, '-vf')).toBe('scale=-2:120');
  });

  it('protects paths that start with "-"', () => {
    const args = posterArgs(hd, '-in.mp4', '-p.jpg');
    expect(valueOf(args, '-i')).toBe('./-in.mp4');
    expect(args.at(-1)).toBe('./-p.jpg');
  });
});

describe('parseProgress', () => {
  // A real block of `-progress pipe:1` output from ffmpeg 5.1.
  const block = (us: number, progress = 'continue') =>
    [
      'frame=75',
      'fps=0.00',
      'stream_0_0_q=28.0',
      'bitrate=N/A',
      'total_size=N/A',
      `out_time_us=${us}`,
      `out_time_ms=${us}`,
      'out_time=00:00:03.000000',
      'dup_frames=0',
      'drop_frames=0',
      'speed=5.99x',
      `progress=${progress}`,
      '',
    ].join('\n');

  it('turns out_time_us into a whole percent of the duration', () => {
    expect(parseProgress(block(3_000_000), 6)).toBe(50);
    expect(parseProgress(block(1_999_999), 6)).toBe(33);
  });

  it('uses the last position in the chunk', () => {
    expect(parseProgress(block(1_000_000) + block(4_500_000), 6)).toBe(75);
  });

  it('reads out_time_ms as microseconds too (ffmpeg names it wrongly)', () => {
    expect(parseProgress('out_time_ms=1500000\n', 6)).toBe(25);
  });

  it('reports 100 at progress=end', () => {
    expect(parseProgress(block(5_920_000, 'end'), 6)).toBe(100);
    expect(parseProgress('progress=end\n', 6)).toBe(100);
  });

  it('clamps to 0..100', () => {
    expect(parseProgress('out_time_us=-42667\n', 6)).toBe(0);
    expect(parseProgress('out_time_us=6016000\n', 6)).toBe(100);
  });

  it('accepts CRLF and a last line without a newline', () => {
    expect(parseProgress('frame=1\r\nout_time_us=600000', 6)).toBe(10);
  });

  it('returns null when the chunk has no position', () => {
    expect(parseProgress('', 6)).toBeNull();
    expect(parseProgress('frame=1\nfps=0.0\nprogress=continue\n', 6)).toBeNull();
    expect(parseProgress('out_time_us=N/A\nout_time_ms=N/A\n', 6)).toBeNull();
    expect(parseProgress('Error while decoding stream\n', 6)).toBeNull();
  });

  it('returns null for an unknown duration, unless the run has ended', () => {
    expect(parseProgress('out_time_us=1000000\n', 0)).toBeNull();
    expect(parseProgress('out_time_us=1000000\n', Number.NaN)).toBeNull();
    expect(parseProgress('out_time_us=1000000\nprogress=end\n', 0)).toBe(100);
  });
});
