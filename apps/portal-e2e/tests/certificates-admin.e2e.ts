import { expect, type Page, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO } from '../stack';
import { nav, signIn, signOut } from './portal';

/** The second province admin of the seed: approves what the first prepared (four eyes). */
const APPROVER = { phone: '0911000005', password: 'hocvu2026', name: 'Vì Thị Lan' };
const PROGRAMME = 'Kỹ năng số cơ bản — người dân';
const SERIAL = /^[A-Z]{1,8}-\d{4}-\d{6,}$/;
/** Screenshots to look at (phone width); outside the repository. */
const SHOTS = process.env['E2E_SHOTS_DIR'] ?? '/tmp/shots-helper';

test.use({ viewport: { width: 390, height: 844 } });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('a skill-certificate batch goes from one admin to another, is issued, and can be verified by anyone', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const batchTitle = `Lớp kỹ năng số bản Na Son ${Date.now()}`;

  // 1. The first province admin prepares the list.
  await signIn(page, DEMO.provinceAdmin.phone, DEMO.provinceAdmin.password);
  await nav(page).getByRole('link', { name: 'Quản trị' }).click();
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Cấp chứng nhận kỹ năng/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cấp chứng nhận kỹ năng' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Lập danh sách' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lập danh sách cấp chứng nhận kỹ năng' }),
  ).toBeVisible();

  await page.getByLabel('Chương trình kỹ năng').selectOption({ label: PROGRAMME });
  await page.getByLabel('Tên danh sách').fill(batchTitle);
  await page.getByLabel('Căn cứ cấp').fill('Đạt bài đánh giá trực tiếp tại nhà văn hoá bản');
  // A line that is not a phone number is refused before anything is sent, by its line number.
  await page.getByLabel('Danh sách học viên').fill(`${DEMO.learner.phone}\n\nông Hùng`);
  await page.getByRole('button', { name: 'Lập danh sách' }).click();
  await expect(
    page.getByText('Dòng 3 (ông Hùng): không phải số điện thoại hay số định danh 12 chữ số'),
  ).toBeVisible();
  // A number nobody has is refused by the API, still by the line of the box.
  await page.getByLabel('Danh sách học viên').fill(`${DEMO.learner.phone}\n\n0919999999`);
  await page.getByRole('button', { name: 'Lập danh sách' }).click();
  await expect(page.getByText('Dòng 3 (0919999999): không có tài khoản nào với số này')).toBeVisible();
  await shot(page, 'new-batch-problems');
  await page.getByLabel('Danh sách học viên').fill(DEMO.learner.phone);
  await page.getByRole('button', { name: 'Lập danh sách' }).click();

  // Their own batch: nothing to press, and why.
  await expect(page.getByRole('heading', { level: 1, name: batchTitle })).toBeVisible();
  await expect(page.getByText('Bạn không tự duyệt được danh sách mình lập')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Duyệt/ })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: DEMO.learner.name })).toContainText('Chờ duyệt');
  const batchUrl = page.url();
  await signOut(page);

  // 2. The second province admin approves it.
  await signIn(page, APPROVER.phone, APPROVER.password);
  await page.goto(batchUrl);
  await expect(page.getByRole('heading', { level: 1, name: batchTitle })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: DEMO.learner.name })).toContainText('0911***004');
  await page.getByLabel('Ghi chú').fill('Đã đối chiếu với biên bản đánh giá.');
  await page.getByRole('button', { name: 'Duyệt và cấp 1 chứng nhận' }).click();
  await page.getByRole('button', { name: 'Xác nhận duyệt' }).click();
  await expect(page.getByText(`${APPROVER.name} đã duyệt danh sách lúc`)).toBeVisible();

  // 3. The worker issues the certificate; the batch shows its serial.
  const serialLink = page.getByRole('listitem').filter({ hasText: DEMO.learner.name }).getByRole('link');
  await expect(async () => {
    await page.reload();
    await expect(serialLink).toHaveText(SERIAL, { timeout: 2_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000, 3_000] });
  const serial = (await serialLink.textContent())?.trim() ?? '';
  await expect(page.getByText('Đã cấp đủ 1 chứng nhận.')).toBeVisible();
  await shot(page, 'batch');

  // The VNeID queue renders its counts per state, failed ones first.
  await page.goto('/admin/attestations');
  await expect(page.getByRole('heading', { level: 1, name: 'Gửi VNeID' })).toBeVisible();
  const tiles = page.getByRole('navigation', { name: 'Trạng thái gửi VNeID' });
  await expect(tiles.getByRole('link', { name: /^\d+ Gửi lỗi$/ })).toHaveAttribute('aria-current', 'true');
  for (const state of ['Chờ gửi', 'Đã gửi, chờ VNeID', 'VNeID đã xác nhận', 'VNeID từ chối']) {
    await expect(tiles.getByRole('link', { name: new RegExp(`^\\d+ ${state}$`) })).toBeVisible();
  }
  await shot(page, 'attestations');
  await signOut(page);

  // 4. The learner finds the skill certificate among theirs.
  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await nav(page).getByRole('link', { name: 'Chứng nhận', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chứng nhận của tôi' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: serial });
  await expect(item).toContainText('Chứng nhận kỹ năng số');
  await expect(item).toContainText('Hợp lệ');
  await shot(page, 'learner-list');
  await item.getByRole('link', { name: PROGRAMME }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chứng nhận của bạn' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Chứng nhận kỹ năng số' })).toContainText(DEMO.learner.name);
  await shot(page, 'learner-certificate');

  // The signed credential downloads as a file named after the serial.
  const downloadJson = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải tệp xác thực (JSON)' }).click();
  const credentialFile = await downloadJson;
  expect(credentialFile.suggestedFilename()).toBe(`chung-nhan-${serial}.json`);
  await expect(page.getByRole('status').filter({ hasText: 'Đã tải về máy' })).toBeVisible();
  const credential = readFileSync(await credentialFile.path());

  // No share sheet in this browser: the verification link is copied instead.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Chia sẻ' }).click();
  await expect(page.getByText('Đã sao chép đường dẫn xác minh')).toBeVisible();
  await signOut(page);

  // 5. Anyone, signed out, checks it by its serial (the QR code's page)…
  await page.goto(`/verify/${serial}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Chứng nhận hợp lệ' })).toBeVisible();
  await expect(page.getByText(PROGRAMME)).toBeVisible();
  await expect(page.locator('body')).not.toContainText(DEMO.learner.name);
  await shot(page, 'verify');

  // …or by the downloaded file; a file that is not one is told without asking the server.
  await page.getByRole('link', { name: 'Kiểm tra chứng nhận khác' }).click();
  const fileInput = page.getByLabel('Chọn tệp xác thực (.json)');
  await fileInput.setInputFiles({
    name: 'anh.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7'),
  });
  await expect(page.getByRole('alert')).toContainText('Tệp này không phải tệp xác thực chứng nhận');
  await fileInput.setInputFiles({
    name: `chung-nhan-${serial}.json`,
    mimeType: 'application/json',
    buffer: credential,
  });
  await expect(page.getByRole('heading', { level: 2, name: 'Tệp chứng nhận hợp lệ' })).toBeVisible();
  await shot(page, 'verify-file');

  // 6. A province admin revokes it, with a reason, in a dialog; the public page says so at once.
  await signIn(page, DEMO.provinceAdmin.phone, DEMO.provinceAdmin.password);
  await page.goto('/admin/certificates');
  await page.getByLabel('Tìm kiếm').fill(serial);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  const card = page.getByRole('listitem').filter({ hasText: serial });
  const revoke = card.getByRole('button', { name: `Thu hồi ${serial}` });
  await revoke.click();
  const dialog = page.getByRole('dialog', { name: `Thu hồi chứng nhận ${serial}` });
  await expect(dialog.getByLabel('Lý do thu hồi')).toBeFocused();
  await shot(page, 'revoke-dialog');
  // Esc closes it and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(revoke).toBeFocused();
  await revoke.click();
  await dialog.getByRole('button', { name: 'Thu hồi chứng nhận' }).click();
  await expect(dialog.getByText('Hãy ghi lý do thu hồi (ít nhất 5 ký tự).')).toBeVisible();
  await dialog.getByLabel('Lý do thu hồi').fill('Cấp nhầm người học (trùng tên)');
  await dialog.getByRole('button', { name: 'Thu hồi chứng nhận' }).click();
  await expect(dialog).toBeHidden();
  // Focus goes to the outcome (the button is gone with the valid certificate).
  await expect(page.locator(':focus')).toContainText(`Đã thu hồi chứng nhận ${serial}`);
  await expect(card).toContainText('Cấp nhầm người học (trùng tên)');
  await signOut(page);
  await page.goto(`/verify/${serial}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Chứng nhận đã bị thu hồi' })).toBeVisible();
  await expect(page.getByText('Cấp nhầm người học (trùng tên)')).toBeVisible();
  await shot(page, 'verify-revoked');

  // The learner sees why, and is no longer offered the files.
  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await page.goto(`/certificates/${serial}`);
  await expect(page.getByText('Chứng nhận này đã bị thu hồi')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tải chứng nhận (PDF)' })).toHaveCount(0);
  await shot(page, 'learner-revoked');
});
