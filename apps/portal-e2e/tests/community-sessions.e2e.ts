import { expect, type Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO } from '../stack';
import { apiAs, COMMUNE_ADMIN, nav, signIn, signOut } from './portal';

/** Screenshots to look at (phone width); outside the repository. */
const SHOTS = process.env['E2E_SHOTS_DIR'] ?? '/tmp/shots-community';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A mobile number no other run has used: 097 and seven digits from the clock. */
function uniquePhone(): string {
  return `097${String(1_000_000 + (Date.now() % 9_000_000)).padStart(7, '0')}`;
}

/**
 * Here the QR path goes through the typed code (the scanner's fallback); community-qr-camera.e2e.ts
 * scans a learner's code with Chromium's fake camera fed a video of it.
 */
test('a digital ambassador registers a learner; a commune admin schedules a class and records attendance from the list and by QR code', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const phone = uniquePhone();
  const name = `Lò Thị Ánh Dương ${phone.slice(-4)}`;

  // 1. The demo learner is a digital ambassador (seed): registers a neighbour, sees them in the list.
  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await nav(page).getByRole('link', { name: 'Người tôi hỗ trợ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Người tôi hỗ trợ' })).toBeVisible();
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByLabel(/^Họ và tên/).fill(name);
  await page.getByLabel(/^Năm sinh/).fill('1957');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByText(`Đã tạo tài khoản cho ${name} và thêm vào danh sách của bạn.`)).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card).toContainText('Đã ghi danh 0 khoá học');
  await shot(page, '1-ambassador');

  // The learner's own QR page: a big code with their name.
  await nav(page).getByRole('link', { name: 'Mã QR của tôi' }).click();
  await expect(page.getByRole('img', { name: `Mã QR điểm danh của ${DEMO.learner.name}` })).toBeVisible();
  const code = (await page.getByTestId('my-qr-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await shot(page, '2-my-qr');
  await signOut(page);

  // 2. The commune admin schedules a class at the cultural house, starting now.
  await signIn(page, COMMUNE_ADMIN.phone, COMMUNE_ADMIN.password);
  await nav(page).getByRole('link', { name: 'Buổi học cộng đồng' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Buổi học cộng đồng' })).toBeVisible();
  await page.getByRole('link', { name: 'Lên lịch buổi học' }).click();
  const title = `Cài đặt VNeID ${phone.slice(-4)}`;
  await page.getByLabel(/^Tên buổi học/).fill(title);
  await page.getByLabel(/^Địa điểm/).fill('Nhà văn hóa bản Co Củ');
  const now = new Date(Date.now() + 7 * 3_600_000); // Vietnam time, as the form reads it
  await page.getByLabel(/^Giờ bắt đầu/).fill(now.toISOString().slice(11, 16));
  await page.getByLabel(/^Ngày/).fill(now.toISOString().slice(0, 10));
  await page.getByLabel(/^Khoá học theo/).selectOption({ label: 'Cài đặt và sử dụng ứng dụng VNeID' });
  await page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // 3. From the list: search the new learner by name, tick, record.
  await page.getByLabel(/^Tên hoặc số điện thoại/).fill(name);
  await page.getByRole('search').getByRole('button', { name: 'Tìm' }).click();
  await page.getByRole('checkbox', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Ghi nhận 1 người có mặt' }).click();
  await expect(page.getByText('Đã ghi nhận thêm 1 người.')).toBeVisible();
  const present = page.getByRole('list', { name: 'Danh sách người có mặt' });
  await expect(present.getByRole('heading', { name })).toBeVisible();

  // 4. By QR code, typed by hand (lower case and without dashes is fine); a second time records nothing new.
  await page.getByLabel(/^Hoặc nhập mã số/).fill(code.replace(/-/g, '').toLowerCase());
  await page.getByRole('button', { name: 'Ghi nhận mã' }).click();
  await expect(page.getByText(`Đã ghi nhận ${DEMO.learner.name} có mặt.`)).toBeVisible();
  await expect(present.getByRole('heading', { name: DEMO.learner.name })).toBeVisible();
  await page.getByLabel(/^Hoặc nhập mã số/).fill(code);
  await page.getByRole('button', { name: 'Ghi nhận mã' }).click();
  await expect(page.getByText(`${DEMO.learner.name} đã được ghi nhận trước đó.`)).toBeVisible();
  // A made-up code is refused.
  await page.getByLabel(/^Hoặc nhập mã số/).fill('AAAA-BBBB-CCCC');
  await page.getByRole('button', { name: 'Ghi nhận mã' }).click();
  await expect(page.getByText(/Mã này không thuộc học viên nào của xã/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Người có mặt (2)' })).toBeVisible();
  await shot(page, '3-session');

  // 5. The dashboard counts the ambassador and the class.
  const call = await apiAs(request, COMMUNE_ADMIN);
  const dashboard = await call<{ community: { ambassadors: number; sessionsHeld: number } }>(
    'GET',
    '/api/campaign/dashboard',
  );
  expect(dashboard.community.ambassadors).toBeGreaterThanOrEqual(1);
  expect(dashboard.community.sessionsHeld).toBeGreaterThanOrEqual(1);
  await page.goto('/admin/campaign');
  await expect(page.getByRole('heading', { level: 2, name: 'Đại sứ số và lớp học cộng đồng' })).toBeVisible();
  await shot(page, '4-dashboard');
});
