import { syntheticClipArgs } from '@hocvu/media';
import { expect, type Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO } from '../stack';
import { nav, signIn, signOut, TEACHER } from './portal';

/** Screenshots for looking at by hand; not part of the assertions. */
const SHOTS = '/tmp/hocvu-shots';
const CLIP_SECONDS = 24;

let workDir = '';
let clipPath = '';
let captionsPath = '';

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'hocvu-video-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  clipPath = join(workDir, 'goi-video.mp4');
  // A short test pattern with a tone: what a phone records, in small.
  execFileSync('ffmpeg', syntheticClipArgs(clipPath, { seconds: CLIP_SECONDS, width: 640, height: 360 }), {
    stdio: 'inherit',
  });
  captionsPath = join(workDir, 'phu-de.vtt');
  writeFileSync(
    captionsPath,
    'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nXin chào các bác, các cô chú.\n\n' +
      '00:00:04.000 --> 00:00:08.000\nHôm nay chúng ta học gọi video cho con cháu.\n',
  );
});

test.afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The player's <video> element (video.js keeps it inside its own markup). */
function videoTime(page: Page): Promise<number> {
  return page.locator('video').evaluate((video: HTMLVideoElement) => video.currentTime);
}

function setPlaybackRate(page: Page, rate: number): Promise<void> {
  return page.locator('video').evaluate((video: HTMLVideoElement, value) => {
    video.playbackRate = value;
  }, rate);
}

function heartbeat(page: Page) {
  return page.waitForResponse(
    (response) => response.url().endsWith('/api/learn/heartbeats') && response.request().method() === 'POST',
  );
}

test('a teacher uploads a video lesson; a learner watches it, resumes where they stopped and completes it', async ({
  page,
}) => {
  // Transcoding by the real worker takes most of this.
  test.setTimeout(300_000);
  const stamp = String(Date.now()).slice(-6);
  const courseTitle = `Gọi video cho con cháu ${stamp}`;
  const lessonTitle = 'Xem cách gọi video trên Zalo';

  // The teacher: a course that completes a video at 50 %, with one video lesson.
  await signIn(page, TEACHER.phone, TEACHER.password);
  await nav(page).getByRole('link', { name: 'Soạn bài giảng' }).click();
  await page.getByRole('link', { name: 'Tạo khoá học mới' }).click();
  await page.getByLabel('Tên khoá học (tiếng Việt)').fill(courseTitle);
  await page.getByRole('checkbox', { name: 'Người dân' }).check();
  const threshold = page.getByLabel('Tỉ lệ video phải xem để hoàn thành (%)');
  await expect(threshold).toHaveValue('90');
  await threshold.fill('50');
  await page.getByRole('button', { name: 'Tạo khoá học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
  await expect(page.getByLabel('Tỉ lệ video phải xem để hoàn thành (%)')).toHaveValue('50');

  await page.getByLabel('Tên chương (tiếng Việt)').fill('Gọi video');
  await page.getByRole('button', { name: 'Thêm chương', exact: true }).click();
  await page.getByRole('button', { name: 'Thêm bài học vào chương Gọi video' }).click();
  await page.getByLabel('Tên bài học (tiếng Việt)').fill(lessonTitle);
  await page.getByRole('radio', { name: 'Video' }).check();
  await page.getByRole('button', { name: 'Thêm bài học', exact: true }).click();
  await expect(page.getByRole('link', { name: lessonTitle })).toBeFocused();

  // Publishing before the video is there names the lesson that holds it back.
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  const notReady = page.getByRole('alert').filter({ hasText: 'Chưa xuất bản được' });
  await expect(notReady).toContainText('chưa sẵn sàng');
  await notReady.getByRole('link', { name: lessonTitle }).click();

  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
  const videoSection = page.getByRole('region', { name: 'Video bài học' });
  await expect(videoSection.getByText('Bài này chưa có video.')).toBeVisible();
  await videoSection.getByLabel('Tệp video').setInputFiles(clipPath);
  await videoSection.getByRole('button', { name: 'Tải video lên' }).click();
  const uploadProgress = videoSection.getByRole('progressbar', { name: 'Tiến độ tải lên' });
  await expect(uploadProgress).toBeVisible();
  await expect(uploadProgress).toHaveAttribute('value', '100');
  await expect(videoSection.getByText('Đã tải video lên xong.')).toBeVisible();
  // Sent: the file box is empty again, for a replacement rather than the same file twice.
  await expect(videoSection.getByLabel('Tệp video')).toHaveValue('');

  // The studio polls while the worker processes the video.
  await expect(videoSection.getByText(/^Tệp: goi-video\.mp4/)).toBeVisible();
  await expect(
    videoSection.getByText(/đang chờ đến lượt xử lý|Đang xử lý video|Video đã sẵn sàng/),
  ).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'studio-video-processing.png'), fullPage: true });
  await expect(videoSection.getByText(/^Video đã sẵn sàng để học viên xem/)).toBeVisible({
    timeout: 150_000,
  });
  await expect(videoSection.getByText(/Thời lượng: 0:24/)).toBeVisible();
  await expect(videoSection.getByText(/^Các chất lượng đã tạo: .*chỉ âm thanh/)).toBeVisible();
  await expect(videoSection.getByRole('button', { name: 'Xử lý lại' })).toBeVisible();
  await expect(videoSection.locator('.video-js')).toBeVisible();

  const captions = page.getByRole('region', { name: 'Phụ đề' });
  await expect(captions.getByLabel('Ngôn ngữ phụ đề')).toHaveValue('vi');
  await captions.getByLabel('Tệp phụ đề (.vtt)').setInputFiles(captionsPath);
  await captions.getByRole('button', { name: 'Tải phụ đề lên' }).click();
  await expect(captions.getByRole('list')).toContainText('Tiếng Việt · 2 câu');
  await page.screenshot({ path: join(SHOTS, 'studio-video-ready.png'), fullPage: true });
  await videoSection.screenshot({ path: join(SHOTS, 'studio-video-section.png') });
  await captions.screenshot({ path: join(SHOTS, 'studio-captions-section.png') });

  await page.getByRole('link', { name: 'Về khoá học' }).click();
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await expect(page.getByText('Đã xuất bản phiên bản 1.')).toBeVisible();
  await signOut(page);

  // The learner finds the course, enrols and opens the video lesson.
  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await nav(page).getByRole('link', { name: 'Khoá học' }).click();
  await page.getByLabel('Tìm khoá học').fill(`goi video cho con chau ${stamp}`);
  await page.getByRole('link', { name: courseTitle }).click();
  await page.getByRole('button', { name: 'Đăng ký học' }).click();
  await expect(page.getByText('Đăng ký thành công!')).toBeVisible();
  await page.getByRole('link', { name: lessonTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
  await expect(page.getByText('Đã xem 0% — cần xem 50% để hoàn thành')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đánh dấu đã học xong' })).toHaveCount(0);

  // Plays some seconds (at 2×, the fastest the player offers, to keep the test short), then pauses:
  // pausing reports what was watched. About a third of the video: not enough to complete the lesson.
  await page.getByRole('button', { name: 'Phát video', exact: true }).click();
  await expect.poll(() => videoTime(page), { timeout: 30_000 }).toBeGreaterThan(0.5);
  await setPlaybackRate(page, 2);
  await expect.poll(() => videoTime(page), { timeout: 30_000 }).toBeGreaterThan(7);
  const paused = heartbeat(page);
  await page.locator('video').evaluate((video: HTMLVideoElement) => video.pause());
  expect((await paused).status()).toBe(200);
  const stoppedAt = await videoTime(page);
  await expect(page.getByText(/^Đã xem \d+% — cần xem 50% để hoàn thành$/)).toBeVisible();
  await expect(page.getByText('Đã xem 0% — cần xem 50% để hoàn thành')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Đã hoàn thành' })).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'learner-player-paused.png'), fullPage: true });

  // Back later: playing resumes where it stopped (starting over would be 7 s or more away).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
  // What was watched was saved with the heartbeat.
  await expect(page.getByText(/^Đã xem [1-4]\d% — cần xem 50% để hoàn thành$/)).toBeVisible();
  await page.getByRole('button', { name: 'Phát video', exact: true }).click();
  await expect.poll(() => videoTime(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const resumedAt = await videoTime(page);
  expect(Math.abs(resumedAt - stoppedAt)).toBeLessThanOrEqual(5);

  // Watching on to the end completes the lesson.
  await setPlaybackRate(page, 2);
  await expect(page.getByRole('group', { name: 'Đã hoàn thành' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^Đã xem \d+% video\.$/)).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'learner-player-completed.png'), fullPage: true });

  await nav(page).getByRole('link', { name: 'Học tập của tôi' }).click();
  const progress = page.getByRole('progressbar', { name: `Tiến độ học: ${courseTitle}` });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
});
