import { expect, type Page, test } from '@playwright/test';

const COMMUNE_ADMIN = { phone: '0911000002', password: 'hocvu2026' };

async function signIn(page: Page, phone: string, password: string): Promise<void> {
  await page.goto('/auth/sign-in');
  await page.getByLabel('Số điện thoại hoặc email').fill(phone);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
}

test('the commune admin enrols the learners of their commune in a course', async ({ page }) => {
  await signIn(page, COMMUNE_ADMIN.phone, COMMUNE_ADMIN.password);
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
