import { expect, test } from '@playwright/test';

import { DEMO } from '../stack';
import { submitSignIn } from './portal';

test('a citizen signs up through the portal, signs out and signs in again', async ({ page }) => {
  const phone = `09${String(Date.now()).slice(-8)}`;
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'Đăng ký học' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng ký tài khoản' })).toBeVisible();

  await page.getByLabel('Họ và tên').fill('Lò Thị Mai');
  await page.getByLabel('Số điện thoại').fill(`${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`);
  // A weak password is explained before anything is sent.
  await page.getByLabel('Mật khẩu', { exact: true }).fill('matkhau');
  await page.getByLabel('Xã/phường').selectOption({ label: 'Mường Ảng' });
  await page.getByRole('main').getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByText('Có ít nhất một chữ số').first()).toBeVisible();

  await page.getByLabel('Mật khẩu', { exact: true }).fill('matkhau2026');
  await page.getByRole('main').getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByRole('heading', { name: 'Xin chào, Lò Thị Mai!' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Hồ sơ' })
    .click();
  await expect(page.getByText('Mường Ảng')).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đăng nhập' }),
  ).toBeVisible();

  await submitSignIn(page, phone, 'matkhau2026');
  await expect(page.getByRole('heading', { name: 'Xin chào, Lò Thị Mai!' })).toBeVisible();
  // The session survives a reload: the refresh cookie restores it silently.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Xin chào, Lò Thị Mai!' })).toBeVisible();
});

test('a registered phone is refused at the phone field', async ({ page }) => {
  await page.goto('/auth/sign-up');
  await page.getByLabel('Họ và tên').fill('Người Trùng Số');
  await page.getByLabel('Số điện thoại').fill(DEMO.learner.phone);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('matkhau2026');
  await page.getByRole('main').getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByText('Số điện thoại này đã được đăng ký').first()).toBeVisible();
});

test('the demo learner signs in, sees the profile and no admin area', async ({ page }) => {
  await submitSignIn(page, DEMO.learner.phone, 'wrong-password-1');
  await expect(page.getByText('Số điện thoại/email hoặc mật khẩu không đúng.').first()).toBeVisible();

  await submitSignIn(page, DEMO.learner.phone, DEMO.learner.password);
  await expect(page.getByRole('heading', { name: `Xin chào, ${DEMO.learner.name}!` })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Hồ sơ' }).click();
  await expect(page.getByText('Mường Ảng')).toBeVisible();
  await expect(page.getByText('02/09/1961')).toBeVisible();

  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Quản trị' })).toHaveCount(0);
});

test('the province admin sees the admin area and the communes of Điện Biên', async ({ page }) => {
  await submitSignIn(page, DEMO.provinceAdmin.phone, DEMO.provinceAdmin.password);
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Quản trị' }).click();
  await page.getByRole('link', { name: 'Người dùng' }).first().click();
  await expect(page.getByRole('heading', { name: DEMO.learner.name })).toBeVisible();
  await page.goto('/admin/admin-units');
  await expect(page.getByText('Mường Nhé')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('admin-units.png'), fullPage: true });
});

test('the page is usable by keyboard and switches language', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toBeFocused();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Sign in' })).toBeVisible();
});
