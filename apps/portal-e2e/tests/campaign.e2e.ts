import { expect, type Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO } from '../stack';
import { COMMUNE_ADMIN, nav, signIn, signOut } from './portal';

const PROVINCE = 'Điện Biên';
const COMMUNE = 'Mường Ảng';
const YEAR = '2026';
/** Screenshots to look at (phone width); outside the repository. */
const SHOTS = process.env['E2E_SHOTS_DIR'] ?? '/tmp/shots-campaign';

test.use({ viewport: { width: 390, height: 844 } });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function chooseYear(page: Page): Promise<void> {
  await page.getByLabel('Năm', { exact: true }).selectOption(YEAR);
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
}

// The aggregates are refreshed by the worker every five minutes: learner counts are not asserted on,
// only what the pages show deterministically (targets, units, the shape of the funnel).
test('a province admin sets a target and sees it on the dashboard; a commune admin sees only their commune', async ({
  page,
}) => {
  test.setTimeout(90_000);

  // 1. The province admin sets the province's 2026 target of people confirmed on VNeID.
  await signIn(page, DEMO.provinceAdmin.phone, DEMO.provinceAdmin.password);
  await nav(page).getByRole('link', { name: 'Quản trị' }).click();
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Chỉ tiêu/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chỉ tiêu' })).toBeVisible();
  await chooseYear(page);
  await expect(page.getByLabel('Đơn vị', { exact: true })).toHaveValue('');
  await expect(
    page.getByRole('heading', { level: 2, name: `Đặt chỉ tiêu năm ${YEAR} cho ${PROVINCE}` }),
  ).toBeVisible();

  await page.getByLabel('Bước cần đạt').selectOption({ label: 'Được xác nhận trên VNeID' });
  await page.getByLabel('Nhóm đối tượng').selectOption({ label: 'Tất cả người học' });
  // Checked before anything is sent: not a number, then a share over 100 %.
  await page.getByRole('radio', { name: 'Số người' }).check();
  await page.getByLabel('Số người cần đạt').fill('ba trăm nghìn');
  await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Chỉ tiêu phải là một số' })).toBeVisible();
  await page.getByRole('radio', { name: 'Tỷ lệ % dân số' }).check();
  await page.getByLabel('Tỷ lệ (%)').fill('150');
  await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Tỷ lệ phải từ 0 đến 100 %' })).toBeVisible();
  await shot(page, 'targets-problems');

  // Written the Vietnamese way: 330.000 is three hundred and thirty thousand.
  await page.getByRole('radio', { name: 'Số người' }).check();
  await page.getByLabel('Số người cần đạt').fill('330.000');
  await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(
    page.getByRole('status').filter({
      hasText: `Đã lưu chỉ tiêu năm ${YEAR} của ${PROVINCE}: Được xác nhận trên VNeID — Tất cả người học.`,
    }),
  ).toBeVisible();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Được xác nhận trên VNeID — Tất cả người học' }) });
  await expect(card).toContainText('330.000 người');
  await shot(page, 'targets-province');

  // 2. The dashboard shows the funnel against that target.
  await page.getByRole('link', { name: 'Xem tiến độ so với chỉ tiêu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến độ phong trào' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `${PROVINCE} — năm ${YEAR}` })).toBeVisible();
  await expect(page.getByText(/5 phút một lần/)).toBeVisible();
  const funnel = page.getByRole('list').filter({ hasText: 'Đăng ký tài khoản' }).first();
  for (const stage of [
    'Đăng ký tài khoản',
    'Ghi danh khoá học',
    'Học xong khoá học',
    'Được cấp chứng nhận',
    'Được xác nhận trên VNeID',
  ])
    await expect(funnel.getByText(stage, { exact: true })).toBeVisible();
  const progress = page.getByRole('progressbar', { name: 'Được xác nhận trên VNeID' });
  await expect(progress).toHaveAttribute('aria-valuetext', /^[\d.]+ \/ 330\.000 \([\d,]+ %\)$/);
  await expect(page.getByLabel('Đơn vị', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Xếp hạng xã, phường' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Theo nhóm đối tượng' })).toBeVisible();
  await shot(page, 'dashboard-province');

  // A commune of the province, chosen in the picker.
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: COMMUNE });
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${COMMUNE} — năm ${YEAR}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Xếp hạng xã, phường' })).toHaveCount(0);
  await signOut(page);

  // 3. The commune admin sees their own commune, with no unit to choose.
  await signIn(page, COMMUNE_ADMIN.phone, COMMUNE_ADMIN.password);
  await page.goto('/admin');
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Tiến độ phong trào/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến độ phong trào' })).toBeVisible();
  await chooseYear(page);
  await expect(page.getByRole('heading', { level: 2, name: `${COMMUNE} — năm ${YEAR}` })).toBeVisible();
  await expect(page.getByLabel('Đơn vị', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('main').getByText(PROVINCE)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Xếp hạng xã, phường' })).toHaveCount(0);
  await shot(page, 'dashboard-commune');

  // Their targets are shown to them, read-only.
  await page.getByRole('link', { name: 'Xem chỉ tiêu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chỉ tiêu' })).toBeVisible();
  await expect(page.getByText('Chỉ cán bộ quản trị cấp tỉnh đặt được chỉ tiêu')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu chỉ tiêu' })).toHaveCount(0);
  await expect(page.getByLabel('Đơn vị', { exact: true })).toHaveCount(0);
  await shot(page, 'targets-commune');
});

/** A dashboard full of figures, as a live province would have after months (stubbed: the aggregates of a fresh database are empty). */
function populatedDashboard() {
  const counts = (registered: number) => ({
    registered,
    enrolled: Math.round(registered * 0.8),
    completed: Math.round(registered * 0.5),
    certified: Math.round(registered * 0.4),
    confirmed: Math.round(registered * 0.3),
  });
  const weeks = ['2026-01-05', '2026-01-12', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16'];
  return {
    unit: {
      id: '00000000-0000-4000-8000-000000000001',
      name: PROVINCE,
      kind: 'province',
      population: 650_000,
    },
    year: 2026,
    refreshedAt: '2026-02-18T02:05:00.000Z',
    funnel: [
      { stage: 'registered', learners: 41_150, target: null },
      {
        stage: 'enrolled',
        learners: 32_920,
        target: {
          kind: 'percent',
          value: 70,
          populationBase: null,
          targetCount: null,
          progressPercent: null,
        },
      },
      { stage: 'completed', learners: 20_575, target: null },
      { stage: 'certified', learners: 16_460, target: null },
      {
        stage: 'confirmed',
        learners: 12_345,
        target: {
          kind: 'count',
          value: 330_000,
          populationBase: null,
          targetCount: 330_000,
          progressPercent: 3.741,
        },
      },
    ],
    weekly: weeks.map((week, index) => ({ week, ...counts(1_000 + index * 850) })),
    byTargetGroup: [
      { targetGroup: 'citizen', ...counts(20_000) },
      { targetGroup: 'public_servant', ...counts(9_000) },
      { targetGroup: 'student', ...counts(8_000) },
      { targetGroup: null, ...counts(4_150) },
    ],
    elderly: counts(3_200),
    disability: counts(410),
    households: { registered: 9_800, certified: 4_100 },
    community: {
      ambassadors: 120,
      learnersWithAmbassador: 640,
      minimumLearners: 5,
      ambassadorsWithMinimum: 95,
      sessionsHeld: 310,
      attendances: 11_900,
      averageAttendance: 38.4,
    },
    communes: Array.from({ length: 12 }, (_, index) => ({
      communeId: `00000000-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`,
      name: index === 0 ? COMMUNE : `Xã thử ${index + 1}`,
      registered: 4_000 - index * 200,
      confirmed: 1_200 - index * 90,
      confirmedTarget: index < 8 ? 8_000 : null,
      progressPercent: index < 8 ? ((1_200 - index * 90) / 8_000) * 100 : null,
    })),
  };
}

test('a dashboard with figures: progress in words, a chart with its table, communes ranked', async ({
  page,
}) => {
  await signIn(page, DEMO.provinceAdmin.phone, DEMO.provinceAdmin.password);
  await page.route('**/api/campaign/dashboard*', (route) => route.fulfill({ json: populatedDashboard() }));
  await page.goto('/admin/campaign?year=2026');
  await expect(page.getByRole('heading', { level: 2, name: `${PROVINCE} — năm ${YEAR}` })).toBeVisible();
  await expect(page.getByText('Số liệu cập nhật lúc 09:05 18/02/2026')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Được xác nhận trên VNeID' })).toHaveAttribute(
    'aria-valuetext',
    '12.345 / 330.000 (3,7 %)',
  );
  await expect(page.getByText('Chỉ tiêu 70 % dân số, nhưng chưa có số dân')).toBeVisible();
  // The digital family and the ambassadors and classes, in words.
  await expect(page.getByRole('heading', { level: 2, name: 'Gia đình số' })).toBeVisible();
  await expect(
    page.getByRole('progressbar', { name: 'Hộ gia đình có người đã có chứng nhận' }),
  ).toBeVisible();
  await expect(page.getByText('120 đại sứ số đang hỗ trợ 640 người học.')).toBeVisible();
  await expect(page.getByText('310 buổi đã học trong năm, 11.900 lượt người có mặt.')).toBeVisible();

  // The chart (a lazily loaded canvas) and the same figures as a table, quiet weeks as zeros.
  await expect(
    page.getByRole('img', { name: 'Biểu đồ số người đạt từng bước theo tuần, năm 2026' }),
  ).toBeVisible();
  await page.getByText('Xem số liệu dạng bảng').click();
  const table = page.getByRole('table', { name: /Số người đạt từng bước theo tuần/ });
  await expect(table.getByRole('row')).toHaveCount(1 + 7);
  await expect(table.getByRole('row', { name: /^19\/01/ })).toContainText('0');

  // Ten communes, then all on request.
  const communes = page.getByRole('list').filter({ hasText: COMMUNE }).first();
  await expect(communes.getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'Hiện cả 12 xã, phường' }).click();
  await expect(communes.getByRole('listitem')).toHaveCount(12);
  await expect(page.getByRole('progressbar', { name: COMMUNE })).toHaveAttribute(
    'aria-valuetext',
    '1.200 / 8.000 (15 %)',
  );
  for (const group of [
    'Cán bộ, công chức, viên chức',
    'Học sinh, sinh viên',
    'Người lao động trong doanh nghiệp, hợp tác xã',
    'Người dân',
    'Chưa khai báo',
    'Người cao tuổi (từ 60 tuổi)',
    'Người khuyết tật',
  ])
    await expect(page.getByRole('heading', { level: 3, name: group })).toBeVisible();
  await shot(page, 'dashboard-figures');
});
