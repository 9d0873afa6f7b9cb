import { expect, type Page, test } from '@playwright/test';
import { Workbook } from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO } from '../stack';
import { apiAs, COMMUNE_ADMIN, signIn, signOut, TEACHER } from './portal';

const COMMUNE = 'Mường Ảng';
/** Screenshots to look at (phone width); outside the repository. */
const SHOTS = process.env['E2E_SHOTS_DIR'] ?? '/tmp/shots-campaign-quarterly';

test.use({ viewport: { width: 390, height: 844 } });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Mobile numbers no other run has used: 097 and seven digits from the clock. */
function uniquePhones(count: number): string[] {
  const base = Date.now() % 9_000_000;
  return Array.from({ length: count }, (_, i) => `097${String(1_000_000 + base + i).padStart(7, '0')}`);
}

/** The number the commune's funnel shows for a stage, e.g. "Học xong khoá học" → 12. */
async function funnelCount(page: Page, stage: string): Promise<number> {
  const row = page.locator('.funnel__stage').filter({ hasText: stage });
  const text = (await row.locator('.funnel__count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

test('a commune admin imports a roster, enrols it and sees the dashboard move as the learners complete; the province admin downloads the quarterly XLSX', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const phones = uniquePhones(2);
  const names = ['Lò Thị Hồng Nhung', 'Quàng Văn Tuấn'];

  // A one-lesson course, authored and published as a teacher would through the studio API.
  const teacher = await apiAs(request, TEACHER);
  const title = `Dịch vụ công trực tuyến ${Date.now().toString(36)}`;
  type Course = { id: string; slug: string; sections: { id: string; lessons: { id: string }[] }[] };
  let course = await teacher<Course>('POST', '/api/studio/courses', {
    title: { vi: title },
    summary: { vi: 'Nộp hồ sơ trên Cổng dịch vụ công quốc gia' },
    level: 'beginner',
    targetGroups: ['citizen'],
    languages: ['vi'],
  });
  course = await teacher<Course>('POST', `/api/studio/courses/${course.id}/sections`, {
    title: { vi: 'Bắt đầu' },
  });
  course = await teacher<Course>('POST', `/api/studio/sections/${course.sections[0].id}/lessons`, {
    kind: 'article',
    title: { vi: 'Tài khoản dịch vụ công' },
    estimatedMinutes: 3,
  });
  const lessonId = course.sections[0].lessons[0].id;
  await teacher('PATCH', `/api/studio/lessons/${lessonId}`, {
    body: { vi: 'Đăng nhập Cổng dịch vụ công bằng **tài khoản VNeID**.' },
  });
  await teacher('POST', `/api/studio/courses/${course.id}/publish`, {});

  // 1. The commune admin imports the roster and enrols it in the course.
  await signIn(page, COMMUNE_ADMIN.phone, COMMUNE_ADMIN.password);
  await page.goto('/admin/campaign');
  await page.getByRole('button', { name: 'Cập nhật số liệu ngay' }).click();
  await expect(page.getByText('Đã yêu cầu cập nhật; số liệu mới sẽ hiện sau ít giây.')).toBeVisible();
  // The refresh lands within seconds; the page reloads its figures by itself, a reload makes it certain.
  await page.waitForTimeout(3000);
  await page.reload();
  const before = {
    registered: await funnelCount(page, 'Đăng ký tài khoản'),
    completed: await funnelCount(page, 'Học xong khoá học'),
  };

  await page.goto('/admin/rosters');
  await page.getByLabel('Tệp danh sách').setInputFiles({
    name: 'lop-dich-vu-cong.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'họ và tên,số điện thoại,xã/phường,nhóm đối tượng',
        `${names[0]},${phones[0]},${COMMUNE},người dân`,
        `${names[1]},${phones[1]},${COMMUNE},người dân`,
        '',
      ].join('\n'),
      'utf8',
    ),
  });
  await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
  await page.getByRole('button', { name: 'Nhập 2 học viên hợp lệ' }).click();
  await expect(
    page.getByText('Đã tạo 2 tài khoản học viên mới; 0 người đã có tài khoản từ trước.'),
  ).toBeVisible();
  await page.getByLabel('Khoá học', { exact: true }).selectOption({ label: title });
  await page.getByRole('button', { name: 'Ghi danh', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ghi danh 2 học viên' })).toBeVisible();

  // 2. Both learners get a password from the commune admin and finish the lesson.
  const communeAdmin = await apiAs(request, COMMUNE_ADMIN);
  for (const phone of phones) {
    const found = await communeAdmin<{ items: { id: string }[] }>('GET', `/api/users?q=${phone.slice(1)}`);
    expect(found.items).toHaveLength(1);
    const { temporaryPassword } = await communeAdmin<{ temporaryPassword: string }>(
      'POST',
      `/api/users/${found.items[0].id}/reset-password`,
    );
    const learner = await apiAs(request, { phone, password: temporaryPassword });
    await learner('POST', `/api/learn/${course.id}/lessons/${lessonId}/complete`);
  }

  // 3. The dashboard moves: two more registered and two more who completed a course.
  await page.goto('/admin/campaign');
  await page.getByRole('button', { name: 'Cập nhật số liệu ngay' }).click();
  await expect(async () => {
    await page.reload();
    expect(await funnelCount(page, 'Học xong khoá học')).toBe(before.completed + 2);
  }).toPass({ timeout: 30_000, intervals: [1000, 2000, 3000] });
  expect(await funnelCount(page, 'Đăng ký tài khoản')).toBe(before.registered + 2);
  await shot(page, '1-commune-dashboard');
  await signOut(page);

  // 4. The province admin makes the quarter's report and downloads the spreadsheet.
  await signIn(page, DEMO.provinceAdmin.phone, DEMO.provinceAdmin.password);
  await page.goto('/admin/campaign');
  await page.getByRole('main').getByRole('link', { name: 'Báo cáo quý', exact: true }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo quý' })).toBeVisible();
  const period = page.getByLabel('Quý');
  // The running quarter (figures so far) is the first choice.
  await period.selectOption({ index: 0 });
  const quarterLabel = (await period.locator('option').first().textContent()) ?? '';
  const [, roman, year] = /Quý (\w+)\/(\d{4})/.exec(quarterLabel) ?? [];
  await page.getByRole('button', { name: 'Lập báo cáo', exact: true }).click();
  const card = page
    .getByRole('listitem')
    .filter({ hasText: `Quý ${roman}/${year} — Điện Biên` })
    .first();
  await expect(card.getByText(/Xong lúc .*Quý chưa kết thúc/)).toBeVisible({ timeout: 30_000 });
  await shot(page, '2-reports');

  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: /^Tải bảng tính XLSX/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^bao-cao-quy-[1-4]-\d{4}-tinh-dien-bien\.xlsx$/);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(await file.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Tổng hợp',
    'Theo xã, phường',
    'Theo nhóm đối tượng',
  ]);
  const summary = workbook.getWorksheet('Tổng hợp')!.getSheetValues() as unknown[][];
  expect(summary.some((row) => row?.[1] === `Quý ${roman}/${year} — Tỉnh Điện Biên`)).toBe(true);
  // Mường Ảng's line: its learners to date include the two who just completed.
  const communes = workbook.getWorksheet('Theo xã, phường')!.getSheetValues() as unknown[][];
  const line = communes.find((row) => row?.[2] === COMMUNE);
  expect(line, 'the commune’s line in the workbook').toBeDefined();
  const [registered, , completed] = (line ?? []).slice(4, 7) as number[];
  expect(registered).toBeGreaterThanOrEqual(before.registered + 2);
  expect(completed).toBeGreaterThanOrEqual(before.completed + 2);
});
