import { expect, type Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO } from '../stack';
import { COMMUNE_ADMIN, nav, signIn, signOut } from './portal';

const COMMUNE = 'Mường Ảng';
const OTHER_COMMUNE = 'Mường Thanh';
const COURSE = 'Cài đặt và sử dụng ứng dụng VNeID';
/** Screenshots to look at (phone width); outside the repository. */
const SHOTS = process.env['E2E_SHOTS_DIR'] ?? '/tmp/shots-rosters';

test.use({ viewport: { width: 390, height: 844 } });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Mobile numbers no other run has used: 098 and seven digits from the clock. */
function uniquePhones(count: number): string[] {
  const base = Date.now() % 9_000_000;
  return Array.from({ length: count }, (_, i) => `098${String(1_000_000 + base + i).padStart(7, '0')}`);
}

function rosterCsv(phones: string[]): string {
  const [a, b, c, d] = phones;
  return [
    'họ và tên,số điện thoại,xã/phường,nhóm đối tượng,giới tính',
    `Lò Thị Ánh Nguyệt,${a},${COMMUNE},người dân,nữ`,
    `Quàng Văn Đức,${b},Xã ${COMMUNE},học sinh/sinh viên,nam`,
    `Cầm Thị Hương,${c},${COMMUNE},cán bộ/công chức,nữ`,
    // Row 5: a phone number with too few digits.
    `Vì Văn Bằng,09123,${COMMUNE},người dân,nam`,
    // Row 6: another commune, outside the commune admin's own.
    `Lường Thị Thảo,${d},${OTHER_COMMUNE},người dân,nữ`,
    '',
  ].join('\n');
}

test('a commune admin imports a class list, sees its problems and enrols it; the province dashboard renders', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const phones = uniquePhones(4);

  // 1. The commune admin opens the page from the admin home.
  await signIn(page, COMMUNE_ADMIN.phone, COMMUNE_ADMIN.password);
  await nav(page).getByRole('link', { name: 'Quản trị' }).click();
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Nhập danh sách học viên/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhập danh sách học viên' })).toBeVisible();

  // The template downloads with the session.
  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải mẫu CSV' }).click();
  expect((await template).suggestedFilename()).toBe('mau-danh-sach-hoc-vien.csv');

  // Checking with no file, then a file of another kind: told at once, nothing sent.
  await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
  await expect(page.getByText('Hãy chọn tệp danh sách trước.')).toBeVisible();
  const fileInput = page.getByLabel('Tệp danh sách');
  await fileInput.setInputFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: Buffer.from('png') });
  await expect(page.getByText('Chỉ nhận tệp Excel (.xlsx) hoặc CSV.')).toBeVisible();
  await shot(page, '1-choose-wrong-type');

  await fileInput.setInputFiles({
    name: 'lop-tin-hoc-muong-ang.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rosterCsv(phones), 'utf8'),
  });
  await expect(page.getByText('lop-tin-hoc-muong-ang.csv', { exact: true })).toBeVisible();
  await shot(page, '1-choose');
  await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();

  // 2. The dry run: 5 rows, 3 valid, the two problems on their rows.
  const step2 = page.getByRole('heading', { level: 2, name: 'Bước 2. Kết quả kiểm tra' });
  await expect(step2).toBeFocused();
  const counts = page.locator('.roster-counts').first();
  await expect(counts.getByRole('definition').nth(0)).toHaveText('5');
  await expect(counts.getByRole('definition').nth(1)).toHaveText('3');
  await expect(counts.getByRole('definition').nth(2)).toHaveText('0');
  await expect(counts.getByRole('definition').nth(3)).toHaveText('2');
  await expect(
    page.getByRole('heading', { level: 3, name: '2 dòng có lỗi, sẽ không được nhập' }),
  ).toBeVisible();
  const problems = page.getByRole('list', { name: '2 dòng có lỗi, sẽ không được nhập' });
  await expect(problems.getByRole('listitem').filter({ hasText: 'Dòng 5' })).toContainText(
    'Số điện thoại không đúng',
  );
  await expect(problems.getByRole('listitem').filter({ hasText: 'Dòng 6' })).toContainText(
    'Người này không thuộc xã/phường bạn quản lý.',
  );
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải báo cáo lỗi (CSV)' }).click();
  expect((await report).suggestedFilename()).toBe('lop-tin-hoc-muong-ang-bao-cao-loi.csv');
  await shot(page, '2-preview');

  // 3. Import the three, then enrol them.
  await page.getByRole('button', { name: 'Nhập 3 học viên hợp lệ' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 3. Đã nhập danh sách' })).toBeFocused();
  await expect(
    page.getByText('Đã tạo 3 tài khoản học viên mới; 0 người đã có tài khoản từ trước.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Nhập \d+ học viên hợp lệ/ })).toHaveCount(0);

  // Enrolling without a course is refused at once.
  await page.getByRole('button', { name: 'Ghi danh', exact: true }).click();
  await expect(page.getByText('Hãy chọn khoá học.')).toBeVisible();
  await page.getByLabel('Khoá học', { exact: true }).selectOption({ label: COURSE });
  await page.getByRole('button', { name: 'Ghi danh', exact: true }).click();
  await expect(
    page.getByRole('status').filter({
      hasText: 'Đã ghi danh 3 học viên; 0 người đã có trong khoá học từ trước.',
    }),
  ).toBeVisible();
  await shot(page, '3-result');

  // The same list again: nobody new, the three are existing accounts.
  await page.getByRole('button', { name: 'Nhập danh sách khác' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bước 1. Tải mẫu và chọn tệp' })).toBeFocused();
  await fileInput.setInputFiles({
    name: 'lop-tin-hoc-muong-ang.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rosterCsv(phones), 'utf8'),
  });
  await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
  await expect(step2).toBeFocused();
  await expect(counts.getByRole('definition').nth(1)).toHaveText('0');
  await expect(counts.getByRole('definition').nth(2)).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Tiếp tục với 3 người đã có tài khoản' })).toBeVisible();
  await signOut(page);

  // 4. The province admin's dashboard renders (its aggregates refresh every five minutes).
  await signIn(page, DEMO.provinceAdmin.phone, DEMO.provinceAdmin.password);
  await page.goto('/admin/campaign');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến độ phong trào' })).toBeVisible();
  await expect(page.getByText(/5 phút một lần/)).toBeVisible();
});
