import { type Browser, chromium, expect, type Response, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';

import { DEMO, E2E_PORTAL_URL } from '../stack';
import { apiAs, COMMUNE_ADMIN, signIn } from './portal';

/** Screenshots to look at (phone width); outside the repository. */
const SHOTS = process.env['E2E_SHOTS_DIR'] ?? '/tmp/shots-community';

interface Attendee {
  userId: string;
  fullName: string;
  method: 'qr' | 'list';
}

let workDir = '';
let cameraFile = '';
let browser: Browser | undefined;

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'hocvu-qr-camera-e2e-'));
});

test.afterAll(async () => {
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/**
 * What the officer's phone camera sees: the learner's phone screen held up, i.e. the QR code black on
 * white with its quiet zone, as a Y4M clip Chromium plays as its (fake) camera, in a loop.
 */
async function cameraClip(payload: string): Promise<string> {
  const png = join(workDir, 'qr.png');
  await QRCode.toFile(png, payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 400 });
  const clip = join(workDir, 'camera.y4m');
  execFileSync(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-i', png],
      ...['-vf', 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:white'],
      ...['-pix_fmt', 'yuv420p', '-t', '2', '-r', '10', '-f', 'yuv4mpegpipe', clip],
    ],
    { stdio: 'inherit' },
  );
  return clip;
}

/**
 * The camera path of QR attendance, end to end: Chromium's fake camera shows a learner's real QR code,
 * the portal's scanner (getUserMedia → canvas → jsQR) reads it and records the learner. The typed-code
 * fallback is covered in community-sessions.e2e.ts.
 */
test('a commune admin records a learner as present by scanning their QR code with the camera; a rescan records nothing new', async ({
  request,
}) => {
  test.setTimeout(90_000);

  // 1. The learner's code, as their "Mã QR của tôi" page shows it; a class of the commune, starting now.
  const asLearner = await apiAs(request, DEMO.learner);
  const qr = await asLearner<{ payload: string; code: string; fullName: string }>('GET', '/api/me/qr');
  expect(qr.fullName).toBe(DEMO.learner.name);
  const token = qr.code.replace(/-/g, '');
  expect(qr.payload).toBe(`HOCVU:${token}`);
  const asAdmin = await apiAs(request, COMMUNE_ADMIN);
  const title = `Điểm danh bằng máy ảnh ${Date.now() % 100_000}`;
  const created = await asAdmin<{ id: string; attendance: number }>('POST', '/api/community-sessions', {
    title,
    place: 'Nhà văn hóa bản Co Củ',
    startsAt: new Date().toISOString(),
  });
  expect(created.attendance).toBe(0);

  // 2. A browser whose camera sees that code (a dedicated one: the camera file is a launch flag).
  cameraFile = await cameraClip(qr.payload);
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${cameraFile}`,
    ],
  });
  const context = await browser.newContext({
    baseURL: E2E_PORTAL_URL,
    locale: 'vi-VN',
    viewport: { width: 360, height: 740 },
  });
  await context.grantPermissions(['camera'], { origin: E2E_PORTAL_URL });
  const page = await context.newPage();

  await signIn(page, COMMUNE_ADMIN.phone, COMMUNE_ADMIN.password);
  await page.goto(`/community/sessions/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Người có mặt (0)' })).toBeVisible();
  await expect(page.getByText('Chưa ghi nhận ai.')).toBeVisible();

  // 3. "Quét mã QR": the camera opens and the code in front of it is recorded, with nothing typed.
  const isQrPost = (response: Response) =>
    response.request().method() === 'POST' &&
    response.url().endsWith(`/api/community-sessions/${created.id}/attendance/qr`);
  const firstScan = page.waitForResponse(isQrPost, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Quét mã QR' }).click();
  const qrSection = page.getByRole('region', { name: 'Điểm danh bằng mã QR' });
  const video = page.getByLabel('Hình ảnh máy ảnh để quét mã QR');
  await expect(video).toBeVisible();
  const first = await firstScan;
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({
    alreadyRecorded: false,
    attendee: { fullName: DEMO.learner.name, method: 'qr' },
  });
  // The preview plays the camera stream (640×480), and the typed-code field was not used.
  expect(await video.evaluate((element: HTMLVideoElement) => !element.paused && element.videoWidth)).toBe(
    640,
  );
  await expect(page.getByLabel(/^Hoặc nhập mã số/)).toHaveValue('');
  await expect(qrSection.getByRole('status')).toHaveText(`Đã ghi nhận ${DEMO.learner.name} có mặt.`);
  const present = page.getByRole('list', { name: 'Danh sách người có mặt' });
  const card = present
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: DEMO.learner.name }) });
  await expect(card).toContainText('Quét mã QR ·');
  await expect(page.getByRole('heading', { level: 2, name: 'Người có mặt (1)' })).toBeVisible();

  // 4. The same phone is still in front of the camera: the scanner reads it again after its pause, and
  // the API answers that the learner was recorded before; the list keeps one entry.
  const second = await page.waitForResponse(isQrPost, { timeout: 15_000 });
  expect(second.status()).toBe(200);
  expect(await second.json()).toMatchObject({
    alreadyRecorded: true,
    attendee: { fullName: DEMO.learner.name },
  });
  await expect(qrSection.getByRole('status')).toHaveText(`${DEMO.learner.name} đã được ghi nhận trước đó.`);
  await expect(present.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Người có mặt (1)' })).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, '5-camera-scan.png'), fullPage: true });

  // Turning the camera off removes the preview.
  await page.getByRole('button', { name: 'Tắt máy ảnh' }).click();
  await expect(video).toHaveCount(0);

  // 5. The API agrees: one attendance, the learner's, by QR.
  const detail = await asAdmin<{ attendance: number; attendees: Attendee[] }>(
    'GET',
    `/api/community-sessions/${created.id}`,
  );
  expect(detail.attendance).toBe(1);
  expect(detail.attendees).toHaveLength(1);
  expect(detail.attendees[0]).toMatchObject({ fullName: DEMO.learner.name, method: 'qr' });
  await context.close();
});
