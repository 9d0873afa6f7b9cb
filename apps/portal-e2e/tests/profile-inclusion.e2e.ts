import { expect, type Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO } from '../stack';
import { apiAs, COMMUNE_ADMIN, signIn, signOut } from './portal';

/** Screenshots to look at (phone width); outside the repository. */
const SHOTS = process.env['E2E_SHOTS_DIR'] ?? '/tmp/shots-inclusion';

test.use({ viewport: { width: 390, height: 844 } });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

interface Me {
  village: { name: string } | null;
  inclusion: { disability: boolean | null; ethnicGroup: string | null; householdId: string | null } | null;
}

test('a learner picks their village, answers the optional questions with consent, then withdraws it', async ({
  page,
  request,
}) => {
  const household = `HGD-E2E-${Date.now() % 100_000}`;
  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await page.goto('/profile');
  await page.getByRole('link', { name: 'Thông tin thêm cho phong trào' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thông tin thêm cho phong trào' })).toBeVisible();

  // The village list is Mường Ảng's (the demo seed's sample villages).
  const village = page.getByLabel(/Thôn, bản, tổ dân phố nơi bạn ở/);
  await expect(village.getByRole('option', { name: 'Bản Hồng Sọt' })).toBeAttached();
  await village.selectOption({ label: 'Bản Co Củ' });

  // Nothing optional is asked before consent; the reasons are said first.
  await expect(page.getByRole('heading', { name: 'Vì sao hỏi thêm?' })).toBeVisible();
  await expect(page.getByRole('group', { name: /Bạn có khuyết tật không/ })).toHaveCount(0);
  const consent = page.getByRole('checkbox', { name: 'Tôi đồng ý cho lưu các câu trả lời dưới đây' });
  if (await consent.isChecked()) {
    // Left over from an earlier run on the same database: start from no consent.
    await consent.uncheck();
  }
  // Keyboard: the box is reached and ticked without a mouse.
  await consent.focus();
  await page.keyboard.press('Space');
  await expect(consent).toBeChecked();

  await page.getByRole('radio', { name: 'Không', exact: true }).check();
  await page.getByLabel(/Bạn là người dân tộc nào/).selectOption({ label: 'Thái' });
  // "Another group" asks for its name, and says so when it is left empty.
  await page.getByLabel(/Bạn là người dân tộc nào/).selectOption({ label: 'Dân tộc khác' });
  await page.getByLabel(/Số hộ gia đình/).fill(household);
  await shot(page, '1-inclusion-form');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(
    page.getByText('Vui lòng ghi tên dân tộc, hoặc chọn “Không muốn trả lời”.').first(),
  ).toBeVisible();
  await page.getByLabel(/Bạn là người dân tộc nào/).selectOption({ label: 'Thái' });
  await page.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByText('Đã lưu hồ sơ.')).toBeVisible();
  await expect(page.getByText('Bản Co Củ')).toBeVisible();
  await expect(page.getByText(/^Đã trả lời/)).toBeVisible();
  const call = await apiAs(request, DEMO.learner);
  expect(await call<Me>('GET', '/api/me')).toMatchObject({
    village: { name: 'Bản Co Củ' },
    inclusion: { disability: false, ethnicGroup: 'Thái', householdId: household },
  });
  await shot(page, '2-profile-saved');

  // Withdrawing: a warning, then everything optional erased (the village stays: it is not optional data).
  await page.getByRole('link', { name: 'Thông tin thêm cho phong trào' }).click();
  await expect(page.getByLabel(/Số hộ gia đình/)).toHaveValue(household);
  await page.getByRole('checkbox', { name: 'Tôi đồng ý cho lưu các câu trả lời dưới đây' }).uncheck();
  await expect(page.getByText(/các câu trả lời về khuyết tật, dân tộc và số hộ sẽ bị xoá/)).toBeVisible();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Chưa trả lời')).toBeVisible();
  expect(await call<Me>('GET', '/api/me')).toMatchObject({ village: { name: 'Bản Co Củ' }, inclusion: null });
  await signOut(page);
});

test('a commune admin adds villages from a pasted list after checking it', async ({ page }) => {
  const tag = Date.now() % 100_000;
  await signIn(page, COMMUNE_ADMIN.phone, COMMUNE_ADMIN.password);
  await page.goto('/admin');
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Thôn, bản/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thôn, bản' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thôn, bản của Mường Ảng' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Bản Co Củ' })).toBeVisible();

  const list = page.getByLabel(/Danh sách thôn, bản/);
  // A line without a name and a line twice: told per line, no import offered.
  await list.fill(`Bản Mới ${tag}, , 120\n, , 30\nbản mới ${tag}`);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByText('2 lỗi cần sửa. Sửa danh sách rồi bấm “Kiểm tra” lại.')).toBeVisible();
  await expect(page.getByText('Thiếu tên thôn.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Nhập danh sách/ })).toHaveCount(0);

  await list.fill(`Bản Mới ${tag}, , 120\nBản Co Củ`);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByText('Thêm mới: 1. Đã có (giữ nguyên): 1.')).toBeVisible();
  await shot(page, '3-villages-preview');
  await page.getByRole('button', { name: 'Nhập danh sách (1 thôn mới)' }).click();
  await expect(page.getByText('Đã thêm 1 thôn mới. 1 thôn đã có được giữ nguyên.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: `Bản Mới ${tag}` })).toBeVisible();
  await shot(page, '4-villages-imported');
  await signOut(page);
});
