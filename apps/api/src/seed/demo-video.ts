import { LessonKind, Role, VideoStatus } from '@hocvu/contracts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { AuthUser } from '../common/auth/auth-user';
import { CourseStudioService } from '../modules/courses/course-studio.service';
import { slugify } from '../modules/courses/slug';
import { VideoStudioService } from '../modules/video/video-studio.service';
import { DEMO_COURSES } from './demo-courses';

const VNEID_COURSE = DEMO_COURSES.find((course) => course.title.includes('VNeID'));
const LESSON_TITLE = 'Video: kích hoạt tài khoản VNeID mức 2';
const SECONDS = 20;

/** Captions matching the text drawn in the clip. */
const CAPTIONS_VI = `WEBVTT

00:00:00.000 --> 00:00:06.000
Bình dân học vụ số: kích hoạt tài khoản VNeID mức 2.

00:00:06.000 --> 00:00:13.000
Mang theo căn cước đến công an xã để được hỗ trợ kích hoạt.

00:00:13.000 --> 00:00:20.000
Sau khi kích hoạt, bạn dùng VNeID thay giấy tờ khi làm thủ tục.
`;

export type DemoVideoResult =
  { status: 'created'; lessonId: string } | { status: 'exists' } | { status: 'skipped'; reason: string };

/**
 * Adds a short, generated video lesson (Vietnamese text drawn by ffmpeg, with captions) to the demo
 * VNeID course, waits for the worker to transcode it and republishes the course. Idempotent. Needs
 * ffmpeg here and a running worker; without ffmpeg it is skipped with the reason.
 */
export async function seedDemoVideo(
  dataSource: DataSource,
  studio: CourseStudioService,
  videos: VideoStudioService,
  teacherId: string,
  timeoutMs = 180_000,
): Promise<DemoVideoResult> {
  if (!VNEID_COURSE) return { status: 'skipped', reason: 'the demo VNeID course is not defined' };
  const teacher: AuthUser = { id: teacherId, role: Role.Teacher, sessionId: 'seed', communeId: null };
  const [course] = await dataSource.query<{ id: string }[]>('SELECT id FROM courses WHERE slug = $1', [
    slugify(VNEID_COURSE.title),
  ]);
  if (!course) return { status: 'skipped', reason: 'run `seed` first' };
  const [existing] = await dataSource.query<{ id: string }[]>(
    `SELECT l.id FROM course_lessons l WHERE l.course_id = $1 AND l.kind = 'video'`,
    [course.id],
  );
  if (existing) return { status: 'exists' };
  if (spawnSync('ffmpeg', ['-version']).status !== 0) {
    return { status: 'skipped', reason: 'ffmpeg is not installed (apt-get install -y ffmpeg)' };
  }

  const scratch = mkdtempSync(join(tmpdir(), 'hocvu-demo-video-'));
  try {
    const clip = join(scratch, 'kich-hoat-vneid.mp4');
    const text = (value: string, size: number, y: number, colour = 'white') =>
      `drawtext=font='DejaVu Sans':text='${value}':fontcolor=${colour}:fontsize=${size}:x=(w-text_w)/2:y=${y}`;
    const made = spawnSync(
      'ffmpeg',
      [
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        `color=c=0x0b5cab:size=854x480:rate=25:duration=${SECONDS}`,
        '-f',
        'lavfi',
        '-i',
        `sine=frequency=330:sample_rate=44100:duration=${SECONDS}`,
        '-vf',
        [
          text('Bình dân học vụ số', 44, 120),
          text('Kích hoạt tài khoản VNeID mức 2', 32, 210),
          text(`%{eif\\:t+1\\:d} / ${SECONDS} giây`, 28, 330, '0xffd54f'),
        ].join(','),
        '-af',
        'volume=0.05',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-shortest',
        clip,
      ],
      { encoding: 'utf8' },
    );
    if (made.status !== 0)
      return { status: 'skipped', reason: `ffmpeg could not draw the clip: ${made.stderr.trim()}` };

    const sectionId = (await studio.get(course.id, teacher)).sections[0]?.id;
    const updated = await studio.addLesson(
      sectionId,
      { kind: LessonKind.Video, title: { vi: LESSON_TITLE }, estimatedMinutes: 1, required: true },
      teacher,
    );
    const lessonId = updated.sections[0]?.lessons.at(-1)?.id as string;
    await videos.putCaption(lessonId, 'vi', CAPTIONS_VI, teacher);
    const assetId = await videos.importFile(lessonId, clip, 'kich-hoat-vneid.mp4', teacher);

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [asset] = await dataSource.query<{ status: VideoStatus; errorCode: string | null }[]>(
        'SELECT status, error_code AS "errorCode" FROM video_assets WHERE id = $1',
        [assetId],
      );
      if (asset?.status === VideoStatus.Ready) break;
      if (asset?.status === VideoStatus.Failed)
        return { status: 'skipped', reason: `transcode failed: ${asset.errorCode}` };
      if (Date.now() > deadline)
        return { status: 'skipped', reason: 'the worker did not transcode the clip in time' };
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await studio.publish(course.id, teacher);
    return { status: 'created', lessonId };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
