import { ErrorCode, JobName, QueueName, Role, transcodeJobId } from '@hocvu/contracts';
import { redisOptionsFromUrl } from '@hocvu/server-kit';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { aCourse, aSignedInUser, BuiltCourse, SignedInUser } from '../../../test/builders';
import { createTestApp, TestApp } from '../../../test/test-app';
import { UploadJanitor } from './upload-janitor';

const CAPTIONS_VI = `WEBVTT

00:00:00.000 --> 00:00:04.000
Chào mừng bà con đến với bài học Kỹ năng số.

00:00:04.000 --> 00:00:09.000
Hôm nay chúng ta học cách cài đặt ứng dụng VNeID.
`;

describe('video lessons (integration)', () => {
  let t: TestApp;
  let teacher: SignedInUser;
  let otherTeacher: SignedInUser;
  let learner: SignedInUser;
  let queue: Queue;

  beforeAll(async () => {
    t = await createTestApp();
    teacher = await aSignedInUser(t, Role.Teacher);
    otherTeacher = await aSignedInUser(t, Role.Teacher);
    learner = await aSignedInUser(t, Role.Learner);
    queue = new Queue(QueueName.Media, {
      connection: redisOptionsFromUrl(t.config.REDIS_URL, true),
      prefix: t.config.REDIS_PREFIX,
    });
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
  });

  /** A draft course whose first lesson is an article and second a video lesson. */
  function aCourseWithVideoLesson() {
    return aCourseWithVideoLessonOf(teacher);
  }

  async function aCourseWithVideoLessonOf(
    author: SignedInUser,
  ): Promise<{ course: BuiltCourse; lessonId: string; articleId: string }> {
    const course = await aCourse(t, author, { sections: [1], publish: false });
    const section = course.sections[0];
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/studio/sections/${section.id}/lessons`,
      headers: author.auth,
      payload: { kind: 'video', title: { vi: 'Video: cài đặt VNeID' }, estimatedMinutes: 3 },
    });
    expect(response.statusCode).toBe(201);
    const lessons = response.json<BuiltCourse>().sections[0]?.lessons ?? [];
    return { course, lessonId: lessons.at(-1)?.id as string, articleId: section.lessons[0]?.id };
  }

  const tusHeaders = (user: SignedInUser, extra: Record<string, string> = {}) => ({
    ...user.auth,
    'tus-resumable': '1.0.0',
    ...extra,
  });
  const metadata = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
      .join(',');

  async function createUpload(user: SignedInUser, lessonId: string, length: number) {
    return t.app.inject({
      method: 'POST',
      url: '/api/studio/uploads/videos',
      headers: tusHeaders(user, {
        'upload-length': String(length),
        'upload-metadata': metadata({ lessonId, filename: 'cai-dat-vneid.mp4', filetype: 'video/mp4' }),
      }),
    });
  }

  async function upload(user: SignedInUser, lessonId: string, bytes: Buffer): Promise<string> {
    const created = await createUpload(user, lessonId, bytes.length);
    expect(created.statusCode).toBe(201);
    const uploadUrl = created.headers['location'] as string;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: uploadUrl,
      headers: tusHeaders(user, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
      payload: bytes,
    });
    expect(patch.statusCode).toBe(204);
    return uploadUrl.split('/').at(-1) as string;
  }

  it('takes a resumable upload in chunks and makes one queued asset however often it is finished', async () => {
    const { lessonId } = await aCourseWithVideoLesson();
    const bytes = randomBytes(300_000);
    const created = await createUpload(teacher, lessonId, bytes.length);
    expect(created.statusCode).toBe(201);
    const uploadUrl = created.headers['location'] as string;
    expect(uploadUrl).toMatch(new RegExp(`^/api/studio/uploads/videos/${lessonId}_[0-9a-f]{16}$`));
    const uploadId = uploadUrl.split('/').at(-1) as string;

    const send = (offset: number, chunk: Buffer) =>
      t.app.inject({
        method: 'PATCH',
        url: uploadUrl,
        headers: tusHeaders(teacher, {
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        }),
        payload: chunk,
      });
    const first = await send(0, bytes.subarray(0, 120_000));
    expect(first.statusCode).toBe(204);
    expect(first.headers['upload-offset']).toBe('120000');

    // A dropped connection: the client asks how much arrived and carries on from there.
    const head = await t.app.inject({ method: 'HEAD', url: uploadUrl, headers: tusHeaders(teacher) });
    expect(head.headers['upload-offset']).toBe('120000');
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/studio/lessons/${lessonId}/video`,
      headers: teacher.auth,
      payload: { uploadId },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe(ErrorCode.UploadIncomplete);
    expect((await send(120_000, bytes.subarray(120_000))).statusCode).toBe(204);

    const finish = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/studio/lessons/${lessonId}/video`,
        headers: teacher.auth,
        payload: { uploadId },
      });
    const done = await finish();
    expect(done.statusCode).toBe(200);
    expect(done.json().video).toMatchObject({ status: 'queued', sizeBytes: 300_000, masterUrl: null });
    const again = await finish();
    expect(again.json().video.assetId).toBe(done.json().video.assetId);

    const assetId = done.json().video.assetId as string;
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM video_assets WHERE lesson_id = $1', [
      lessonId,
    ]);
    expect(n).toBe(1);
    const job = await queue.getJob(transcodeJobId(assetId, 1));
    expect(job?.name).toBe(JobName.TranscodeVideo);
    expect(job?.data).toEqual({ assetId, generation: 1 });
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active')).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(t.config.STORAGE_PATH, 'sources', assetId, 'source'))).toBe(true);
    const again2 = await t.app.inject({
      method: 'POST',
      url: `/api/studio/lessons/${lessonId}/video/retranscode`,
      headers: teacher.auth,
    });
    expect(again2.json().video).toMatchObject({ assetId, status: 'queued' });
    expect((await queue.getJob(transcodeJobId(assetId, 2)))?.data).toEqual({ assetId, generation: 2 });
    // Nothing of the finished upload is left in the upload folder.
    expect(readdirSync(t.config.UPLOAD_PATH).filter((name) => name.startsWith(uploadId))).toEqual([]);
  });

  it('sweeps abandoned uploads after 7 days and keeps recent ones', async () => {
    const { lessonId } = await aCourseWithVideoLesson();
    const created = await createUpload(teacher, lessonId, 5000);
    const abandoned = (created.headers['location'] as string).split('/').at(-1) as string;
    const recent = (await createUpload(teacher, lessonId, 5000)).headers['location'] as string;
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    for (const name of [abandoned, `${abandoned}.json`]) {
      utimesSync(join(t.config.UPLOAD_PATH, name), eightDaysAgo, eightDaysAgo);
    }
    expect(await t.app.get(UploadJanitor).sweep()).toBe(1);
    const left = readdirSync(t.config.UPLOAD_PATH);
    expect(left.some((name) => name.startsWith(abandoned))).toBe(false);
    expect(left).toContain(recent.split('/').at(-1));
  });

  it('refuses uploads to other teachers’ courses, non-video lessons, learners and files over 2 GB', async () => {
    const { lessonId, articleId } = await aCourseWithVideoLesson();
    const stranger = await createUpload(otherTeacher, lessonId, 1000);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe(ErrorCode.NotCourseEditor);
    expect((await createUpload(learner, lessonId, 1000)).json().error.code).toBe(ErrorCode.Forbidden);
    expect((await createUpload(teacher, articleId, 1000)).json().error.code).toBe(
      ErrorCode.LessonKindUnsupported,
    );
    expect((await createUpload(teacher, lessonId, 3 * 1024 ** 3)).statusCode).toBe(413);

    const uploadId = await upload(teacher, lessonId, randomBytes(1000));
    const foreign = await t.app.inject({
      method: 'HEAD',
      url: `/api/studio/uploads/videos/${uploadId}`,
      headers: tusHeaders(otherTeacher),
    });
    expect(foreign.statusCode).toBe(403);
    const wrongLesson = await t.app.inject({
      method: 'POST',
      url: `/api/studio/lessons/${articleId}/video`,
      headers: teacher.auth,
      payload: { uploadId },
    });
    expect(wrongLesson.json().error.code).toBe(ErrorCode.UploadNotFound);

    // The id that was authorised is the only one tus may act on: no second id in a query string,
    // no method override.
    const own = await upload(
      otherTeacher,
      (await aCourseWithVideoLessonOf(otherTeacher)).lessonId,
      randomBytes(10),
    );
    const smuggled = await t.app.inject({
      method: 'PATCH',
      url: `/api/studio/uploads/videos/${own}?/${uploadId}`,
      headers: tusHeaders(otherTeacher, {
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      }),
      payload: Buffer.from('EVIL!'),
    });
    expect(smuggled.statusCode).toBe(400);
    const overridden = await t.app.inject({
      method: 'HEAD',
      url: `/api/studio/uploads/videos/${own}`,
      headers: tusHeaders(otherTeacher, { 'x-http-method-override': 'DELETE' }),
    });
    expect(overridden.statusCode).toBe(400);
    const zeros = await createUpload(teacher, '0'.repeat(36), 10);
    expect(zeros.json().error.code).toBe(ErrorCode.LessonNotFound);
  });

  /**
   * Stands in for the worker (whose own integration test transcodes a real clip): publishes a
   * generation with a master playlist and one segment, as the transcode job leaves them.
   */
  async function aReadyVideo(lessonId: string, durationSeconds = 60): Promise<string> {
    const uploadId = await upload(teacher, lessonId, randomBytes(2000));
    const finish = await t.app.inject({
      method: 'POST',
      url: `/api/studio/lessons/${lessonId}/video`,
      headers: teacher.auth,
      payload: { uploadId },
    });
    const assetId = finish.json().video.assetId as string;
    const folder = join(t.config.STORAGE_PATH, 'videos', assetId, 'g1');
    mkdirSync(join(folder, '360p'), { recursive: true });
    writeFileSync(
      join(folder, 'master.m3u8'),
      '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=500000\n360p/index.m3u8\n',
    );
    writeFileSync(join(folder, '360p', 'seg_00000.ts'), Buffer.alloc(1000, 7));
    await t.db.query(
      `UPDATE video_assets SET status = 'ready', published_generation = 1, duration_seconds = $2, width = 640,
              height = 360, rungs = '[{"name":"360p","height":360},{"name":"audio","height":null}]' WHERE id = $1`,
      [assetId, durationSeconds],
    );
    return assetId;
  }

  it('publishes only once every video is processed, and serves media to signed URLs only', async () => {
    const { course, lessonId } = await aCourseWithVideoLesson();
    const publish = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/studio/courses/${course.id}/publish`,
        headers: teacher.auth,
      });
    const refused = await publish();
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: ErrorCode.LessonVideoNotReady,
      details: { lessonIds: [lessonId] },
    });

    await aReadyVideo(lessonId);
    expect((await publish()).statusCode).toBe(200);
    const studio = (
      await t.app.inject({
        method: 'GET',
        url: `/api/studio/lessons/${lessonId}/video`,
        headers: teacher.auth,
      })
    ).json();
    const masterUrl = studio.video.masterUrl as string;
    expect(masterUrl).toMatch(/^\/api\/media\/\d+\.[\w-]+\/videos\/[\w-]+\/g1\/master\.m3u8$/);

    const master = await t.app.inject({ method: 'GET', url: masterUrl });
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(master.headers['cache-control']).toContain('immutable');
    expect(master.body).toContain('360p/index.m3u8');

    const segmentUrl = masterUrl.replace('master.m3u8', '360p/seg_00000.ts');
    const ranged = await t.app.inject({
      method: 'GET',
      url: segmentUrl,
      headers: { range: 'bytes=100-199' },
    });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe('bytes 100-199/1000');
    expect(ranged.rawPayload.length).toBe(100);
    expect(ranged.headers['content-type']).toBe('video/mp2t');
    const head = await t.app.inject({ method: 'HEAD', url: segmentUrl });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe('1000');
    expect(head.body).toBe('');
    for (const ignored of ['bytes=abc', 'bytes=0-1,5-6', 'items=0-5']) {
      const whole = await t.app.inject({ method: 'GET', url: segmentUrl, headers: { range: ignored } });
      expect(whole.statusCode).toBe(200);
      expect(whole.rawPayload.length).toBe(1000);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/media/x/%25' })).statusCode).toBe(403);
    const beyond = await t.app.inject({
      method: 'GET',
      url: segmentUrl,
      headers: { range: 'bytes=5000-6000' },
    });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.json().error.code).toBe(ErrorCode.RangeNotSatisfiable);

    const token = masterUrl.split('/')[3];
    const [expires, signature] = token.split('.') as [string, string];
    const forged = [
      masterUrl.replace(signature, `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`),
      masterUrl.replace(expires, String(Number(expires) + 3600)),
      masterUrl.replace(/videos\/[\w-]+\//, `videos/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/`),
      `/api/media/${token}/sources/${studio.video.assetId}/source`,
      // An encoded path traversal out of the signed prefix.
      masterUrl.replace('master.m3u8', `..%2F..%2F..%2Fsources%2F${studio.video.assetId}%2Fsource`),
    ];
    for (const url of forged) {
      const response = await t.app.inject({ method: 'GET', url });
      expect([403, 404]).toContain(response.statusCode);
      if (response.statusCode === 403) expect(response.json().error.code).toBe(ErrorCode.MediaTokenInvalid);
    }
  });

  it('validates captions per language and hands them to enrolled learners with the player data', async () => {
    const { course, lessonId } = await aCourseWithVideoLesson();
    const put = (language: string, vtt: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/studio/lessons/${lessonId}/captions/${language}`,
        headers: teacher.auth,
        payload: { vtt },
      });
    const malformed = await put('vi', 'WEBVTT\n\n00:00.000 --> nonsense\nXin chào\n');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.code).toBe(ErrorCode.CaptionInvalid);
    expect((await put('vi', 'Xin chào')).json().error.code).toBe(ErrorCode.CaptionInvalid);
    expect((await put('xx', CAPTIONS_VI)).json().error.code).toBe(ErrorCode.UnknownLanguage);
    const ok = await put('vi', CAPTIONS_VI);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().captions).toEqual([
      { language: 'vi', cueCount: 2, url: expect.stringMatching(/\.vtt$/) },
    ]);
    expect((await t.app.inject({ method: 'GET', url: ok.json().captions[0].url })).body).toContain(
      'Kỹ năng số',
    );

    await aReadyVideo(lessonId);
    await t.app.inject({
      method: 'POST',
      url: `/api/studio/courses/${course.id}/publish`,
      headers: teacher.auth,
    });
    const notEnrolled = await t.app.inject({
      method: 'GET',
      url: `/api/learn/${course.id}/lessons/${lessonId}`,
      headers: learner.auth,
    });
    expect(notEnrolled.json().error.code).toBe(ErrorCode.NotEnrolled);
    await t.app.inject({ method: 'POST', url: `/api/courses/${course.id}/enrolment`, headers: learner.auth });
    const lesson = (
      await t.app.inject({
        method: 'GET',
        url: `/api/learn/${course.id}/lessons/${lessonId}`,
        headers: learner.auth,
      })
    ).json();
    expect(lesson.video).toMatchObject({
      durationSeconds: 60,
      resumeAt: 0,
      completionPercent: 90,
      rungs: [
        { name: '360p', height: 360 },
        { name: 'audio', height: null },
      ],
      captions: [{ language: 'vi', label: 'Tiếng Việt' }],
    });
    const vtt = await t.app.inject({ method: 'GET', url: lesson.video.captions[0].url });
    expect(vtt.statusCode).toBe(200);
    expect(vtt.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(vtt.body).toContain('Chào mừng bà con');
  });

  describe('heartbeats', () => {
    let course: BuiltCourse;
    let lessonId: string;

    beforeAll(async () => {
      ({ course, lessonId } = await aCourseWithVideoLesson());
      await aReadyVideo(lessonId, 60);
      await t.app.inject({
        method: 'POST',
        url: `/api/studio/courses/${course.id}/publish`,
        headers: teacher.auth,
      });
    });

    async function aWatchingLearner() {
      const user = await aSignedInUser(t, Role.Learner);
      await t.app.inject({ method: 'POST', url: `/api/courses/${course.id}/enrolment`, headers: user.auth });
      const lesson = await t.app.inject({
        method: 'GET',
        url: `/api/learn/${course.id}/lessons/${lessonId}`,
        headers: user.auth,
      });
      return { user, token: lesson.json().video.playbackToken as string };
    }
    const beat = (playbackToken: string, intervals: number[][], position: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/learn/heartbeats',
        payload: { playbackToken, intervals, position },
      });
    /** Moves the learner's last heartbeat back in time, as if they had been watching for a while. */
    const wait = (userId: string, seconds: number) =>
      t.db.query(
        `UPDATE video_progress SET last_heartbeat_at = last_heartbeat_at - make_interval(secs => $3)
          WHERE user_id = $1 AND lesson_id = $2`,
        [userId, lessonId, seconds],
      );

    it('merges watched intervals, ignores replays, and completes the lesson at the course threshold', async () => {
      const { user, token } = await aWatchingLearner();
      const first = await beat(token, [[0, 10]], 10);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ watchedSeconds: 10, watchedPercent: 16, completed: false });

      await wait(user.id, 60);
      expect((await beat(token, [[5, 40]], 40)).json()).toMatchObject({
        watchedSeconds: 40,
        completed: false,
      });
      const reopened = await t.app.inject({
        method: 'GET',
        url: `/api/learn/${course.id}/lessons/${lessonId}`,
        headers: user.auth,
      });
      expect(reopened.json()).toMatchObject({
        completed: false,
        video: { resumeAt: 40, watchedSeconds: 40 },
      });
      // The same heartbeat again (a retry after a lost response) changes nothing.
      expect((await beat(token, [[5, 40]], 40)).json()).toMatchObject({ watchedSeconds: 40 });
      // Skipping ahead is not watching.
      await wait(user.id, 60);
      expect((await beat(token, [[50, 53]], 53)).json()).toMatchObject({
        watchedSeconds: 43,
        completed: false,
      });
      await wait(user.id, 60);
      const done = await beat(token, [[40, 50]], 50);
      expect(done.json()).toEqual({ watchedSeconds: 53, watchedPercent: 88, completed: false });
      await wait(user.id, 60);
      expect((await beat(token, [[53, 55]], 55)).json()).toMatchObject({
        watchedPercent: 91,
        completed: true,
      });

      const [row] = await t.db.query(
        'SELECT count(*)::int AS n FROM lesson_completions WHERE user_id = $1 AND lesson_id = $2',
        [user.id, lessonId],
      );
      expect(row.n).toBe(1);
      const resumed = await t.app.inject({
        method: 'GET',
        url: `/api/learn/${course.id}/lessons/${lessonId}`,
        headers: user.auth,
      });
      // Stopped 5 s before the end: the next visit starts from the beginning, not in the credits.
      expect(resumed.json()).toMatchObject({ completed: true, video: { resumeAt: 0, watchedSeconds: 55 } });
    });

    it('refuses watching faster than real time, intervals outside the video and forged tokens', async () => {
      const { token } = await aWatchingLearner();
      const tooFast = await beat(token, [[0, 59]], 59);
      expect(tooFast.statusCode).toBe(422);
      expect(tooFast.json().error.code).toBe(ErrorCode.HeartbeatTooFast);

      for (const intervals of [[[0, 500]], [[-1, 5]], [[9, 3]], [[0, 'x']], [[1]]]) {
        const response = await beat(token, intervals as number[][], 1);
        expect(response.statusCode).toBe(400);
      }
      expect((await beat(token, [[0, 5]], 900)).json().error.code).toBe(ErrorCode.HeartbeatInvalid);

      // Many quick reports do not each get their own allowance: the credit is shared and capped.
      const quick = [];
      for (let start = 0; start < 50; start += 10)
        quick.push((await beat(token, [[start, start + 10]], start + 10)).statusCode);
      expect(quick.filter((status) => status === 200).length).toBeLessThanOrEqual(2);
      expect(quick).toContain(422);
      const [body] = token.split('.') as [string];
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
      const forgedBody = Buffer.from(JSON.stringify({ ...claims, durationSeconds: 5 })).toString('base64url');
      const forged = await beat(`${forgedBody}.${token.split('.')[1]}`, [[0, 5]], 5);
      expect(forged.statusCode).toBe(403);
      expect(forged.json().error.code).toBe(ErrorCode.PlaybackTokenInvalid);
    });

    it('writes a burst of heartbeats in a few transactions without losing any', async () => {
      const learners = await Promise.all(Array.from({ length: 12 }, () => aWatchingLearner()));
      const spy = jest.spyOn(t.db, 'transaction');
      try {
        const results = await Promise.all(learners.map(({ token }) => beat(token, [[0, 8]], 8)));
        expect(results.map((result) => result.statusCode)).toEqual(learners.map(() => 200));
        expect(spy.mock.calls.length).toBeLessThan(learners.length);
      } finally {
        spy.mockRestore();
      }
      const [row] = await t.db.query(
        'SELECT count(*)::int AS n FROM video_progress WHERE user_id = ANY($1) AND watched_seconds = 8',
        [learners.map(({ user }) => user.id)],
      );
      expect(row.n).toBe(learners.length);
    });

    it('starts progress afresh when the lesson gets a new video, and keeps the course publishable meanwhile', async () => {
      const { user, token } = await aWatchingLearner();
      await wait(user.id, 60);
      await beat(token, [[0, 40]], 40);
      // A re-transcode of the same video leaves it playable: publishing still works.
      const asset = (
        await t.app.inject({
          method: 'GET',
          url: `/api/studio/lessons/${lessonId}/video`,
          headers: teacher.auth,
        })
      ).json().video.assetId;
      await t.db.query(`UPDATE video_assets SET status = 'queued', generation = 2 WHERE id = $1`, [asset]);
      const republish = await t.app.inject({
        method: 'POST',
        url: `/api/studio/courses/${course.id}/publish`,
        headers: teacher.auth,
      });
      expect(republish.statusCode).toBe(200);

      await aReadyVideo(lessonId, 30);
      await t.app.inject({
        method: 'POST',
        url: `/api/studio/courses/${course.id}/publish`,
        headers: teacher.auth,
      });
      const lesson = (
        await t.app.inject({
          method: 'GET',
          url: `/api/learn/${course.id}/lessons/${lessonId}`,
          headers: user.auth,
        })
      ).json();
      expect(lesson.video).toMatchObject({ durationSeconds: 30, resumeAt: 0, watchedSeconds: 0 });
      const first = await beat(lesson.video.playbackToken as string, [[0, 5]], 5);
      expect(first.json()).toMatchObject({ watchedSeconds: 5, completed: false });
    });
  });
});
