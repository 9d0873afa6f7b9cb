import { JobName, JOBS, transcodeJobId } from '@hocvu/contracts';
import { syntheticClipArgs } from '@hocvu/media';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

import { producer, startTestWorker, testWorkerConfig } from '../../../test/test-worker';

/**
 * The transcode job against real ffmpeg, PostgreSQL and Redis: clips are generated at run time
 * with ffmpeg's test sources, stored as an upload would be, and transcoded by the real worker.
 */
describe('TranscodeVideo (integration, real ffmpeg)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'hocvu-transcode-test-'));
  const storageRoot = join(scratch, 'storage');
  const config = testWorkerConfig({ STORAGE_PATH: storageRoot, WORKER_SHUTDOWN_GRACE_SECONDS: '1' });
  const db = new Client({ connectionString: config.DATABASE_URL });
  let courseId: string;
  let lessonId: string;

  /** A test clip: colour bars with a moving pattern and (by default) a tone. */
  function clip(name: string, seconds: number): string {
    const path = join(scratch, name);
    execFileSync('ffmpeg', syntheticClipArgs(path, { seconds }));
    return path;
  }

  /** An asset whose source is `file`, as the API leaves it after an upload. */
  async function anAsset(file: string): Promise<string> {
    const id = randomUUID();
    const sourceKey = `sources/${id}/source`;
    mkdirSync(join(storageRoot, 'sources', id), { recursive: true });
    copyFileSync(file, join(storageRoot, sourceKey));
    await db.query(
      `INSERT INTO video_assets (id, course_id, lesson_id, upload_id, original_filename, size_bytes, source_key)
       VALUES ($1, $2, $3, $4, 'clip.mp4', 1, $5)`,
      [id, courseId, lessonId, `${lessonId}_${id.replace(/-/g, '').slice(0, 16)}`, sourceKey],
    );
    return id;
  }

  const assetRow = async (id: string) =>
    (
      await db.query(
        `SELECT status, error_code AS "errorCode", published_generation AS "publishedGeneration",
                duration_seconds AS "durationSeconds", rungs, progress_percent AS "progress"
           FROM video_assets WHERE id = $1`,
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    await db.connect();
    const user = await db.query(
      `INSERT INTO users (phone, password_hash, role, full_name) VALUES ($1, 'x', 'teacher', 'Giảng viên') RETURNING id`,
      [`+8491${String(Date.now()).slice(-7)}`],
    );
    const course = await db.query(
      `INSERT INTO courses (slug, owner_id, title) VALUES ($1, $2, '{"vi":"Khoá video"}') RETURNING id`,
      [`video-${randomUUID()}`, user.rows[0].id],
    );
    courseId = course.rows[0].id;
    const section = await db.query(
      `INSERT INTO course_sections (course_id, position, title) VALUES ($1, 0, '{"vi":"Phần 1"}') RETURNING id`,
      [courseId],
    );
    const lesson = await db.query(
      `INSERT INTO course_lessons (course_id, section_id, position, kind, title)
       VALUES ($1, $2, 0, 'video', '{"vi":"Cài đặt VNeID"}') RETURNING id`,
      [courseId, section.rows[0].id],
    );
    lessonId = lesson.rows[0].id;
  });
  afterAll(async () => {
    await db.end();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('publishes a keyframe-aligned HLS ladder up to the source height, an audio-only rung and a poster', async () => {
    const assetId = await anAsset(clip('ten-seconds.mp4', 10));
    const worker = await startTestWorker(config);
    const { queue, events, close } = producer(config, JOBS[JobName.TranscodeVideo].queue);
    try {
      const job = await queue.add(
        JobName.TranscodeVideo,
        { assetId, generation: 1 },
        { jobId: transcodeJobId(assetId, 1) },
      );
      expect(await job.waitUntilFinished(events, 120_000)).toMatchObject({ published: 1, rungs: 6 });
    } finally {
      await close();
      await worker.close();
    }
    const row = await assetRow(assetId);
    expect(row).toMatchObject({ status: 'ready', publishedGeneration: 1, progress: 100, errorCode: null });
    expect(row.durationSeconds).toBeCloseTo(10, 0);
    expect(row.rungs.map((rung: { name: string }) => rung.name)).toEqual([
      '144p',
      '240p',
      '360p',
      '480p',
      '720p',
      'audio',
    ]);

    const folder = join(storageRoot, 'videos', assetId, 'g1');
    const master = readFileSync(join(folder, 'master.m3u8'), 'utf8');
    for (const rung of ['144p', '240p', '360p', '480p', '720p', 'audio']) {
      expect(master).toContain(`${rung}/index.m3u8`);
      const playlist = readFileSync(join(folder, rung, 'index.m3u8'), 'utf8');
      const durations = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((match) => Number(match[1]));
      // Keyframe-aligned 4 s segments: every segment but the last is 4 s in every rung.
      expect(durations.slice(0, -1).every((duration) => Math.abs(duration - 4) < 0.05)).toBe(true);
      expect(durations.reduce((sum, d) => sum + d, 0)).toBeCloseTo(10, 0);
    }
    expect(master).toMatch(/RESOLUTION=256x144/);
    expect(master).toMatch(/CODECS="mp4a\.40\.2"/);
    expect(existsSync(join(folder, 'poster.jpg'))).toBe(true);
    // The work folder is gone; only the published generation (and the source) remain.
    expect(readdirSync(join(storageRoot, '.work'))).toEqual([]);
  }, 180_000);

  it.each([
    ['a text file', () => writeText('notes.mp4', 'Đây không phải video'), 'VIDEO_UNREADABLE'],
    ['a truncated video', () => truncated(clip('whole.mp4', 4)), 'VIDEO_UNREADABLE'],
    ['a still image', () => picture('picture.png'), 'VIDEO_NO_VIDEO_STREAM'],
    ['a 0.2-second video', () => clip('blink.mp4', 0.2), 'VIDEO_EMPTY'],
  ])(
    'rejects %s with a clear code and publishes nothing',
    async (_name, make, code) => {
      const assetId = await anAsset(make());
      const worker = await startTestWorker(config);
      const { queue, events, close } = producer(config, JOBS[JobName.TranscodeVideo].queue);
      try {
        const job = await queue.add(
          JobName.TranscodeVideo,
          { assetId, generation: 1 },
          { jobId: transcodeJobId(assetId, 1) },
        );
        expect(await job.waitUntilFinished(events, 60_000)).toEqual({ rejected: code });
      } finally {
        await close();
        await worker.close();
      }
      expect(await assetRow(assetId)).toMatchObject({
        status: 'failed',
        errorCode: code,
        publishedGeneration: null,
      });
      expect(existsSync(join(storageRoot, 'videos', assetId))).toBe(false);
    },
    60_000,
  );

  it('leaves nothing visible when the worker dies mid-transcode, and the retry publishes cleanly', async () => {
    const assetId = await anAsset(clip('thirty-seconds.mp4', 30));
    const tuning = { lockDuration: 2000, stalledInterval: 1000, maxStalledCount: 3 };
    const first = await startTestWorker(config, { tuning });
    const { queue, events, close } = producer(config, JOBS[JobName.TranscodeVideo].queue);
    try {
      const job = await queue.add(
        JobName.TranscodeVideo,
        { assetId, generation: 1 },
        { jobId: transcodeJobId(assetId, 1), attempts: 3, backoff: { type: 'fixed', delay: 100 } },
      );
      await waitFor(async () => ((await assetRow(assetId)).progress ?? 0) >= 5, 60_000);
      // Shutdown with a 1 s grace period: ffmpeg is killed mid-ladder, the job goes back to the queue.
      await first.close();
      expect(await assetRow(assetId)).toMatchObject({ publishedGeneration: null });
      expect(existsSync(join(storageRoot, 'videos', assetId))).toBe(false);

      const second = await startTestWorker(config, { tuning });
      try {
        expect(await job.waitUntilFinished(events, 180_000)).toMatchObject({ published: 1 });
      } finally {
        await second.close();
      }
    } finally {
      await close();
    }
    expect(await assetRow(assetId)).toMatchObject({ status: 'ready', publishedGeneration: 1 });
    const master = readFileSync(join(storageRoot, 'videos', assetId, 'g1', 'master.m3u8'), 'utf8');
    expect(master.match(/index\.m3u8/g)).toHaveLength(6);
    expect(readdirSync(join(storageRoot, '.work'))).toEqual([]);
  }, 300_000);

  function picture(name: string): string {
    const path = join(scratch, name);
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x240',
      '-frames:v',
      '1',
      path,
    ]);
    return path;
  }

  function writeText(name: string, text: string): string {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  }

  function truncated(file: string): string {
    const bytes = readFileSync(file);
    const path = `${file}.truncated.mp4`;
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    return path;
  }
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
