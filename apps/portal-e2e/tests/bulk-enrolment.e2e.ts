import { expect, test } from '@playwright/test';

import { COMMUNE_ADMIN, submitSignIn } from './portal';

test('the commune admin enrols the learners of their commune in a course', async ({ page }) => {
  await submitSignIn(page, COMMUNE_ADMIN.phone, COMMUNE_ADMIN.password);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Quản trị' })
    .click();
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Ghi danh theo nhóm/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Ghi danh theo nhóm' })).toBeVisible();

  // The commune admin's own commune is filled in and cannot be changed.
  const commune = page.getByLabel('Xã/phường');
  await expect(commune).toBeDisabled();
  await expect(commune.locator('option:checked')).toHaveText('Mường Ảng');

  await page.getByLabel('Khoá học').selectOption({ label: 'Cài đặt và sử dụng ứng dụng VNeID' });
  await page.getByRole('main').getByRole('button', { name: 'Ghi danh' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Đã ghi danh \d+ học viên/ })).toContainText(
    'người đã có trong khoá học từ trước',
  );
});
