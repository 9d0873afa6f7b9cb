import { VNEID_TEST_CITIZENS, VNEID_TEST_PASSWORD } from '@hocvu/attestation/testing';
import { expect, test } from '@playwright/test';

import { nav } from './portal';

test.use({ viewport: { width: 390, height: 844 } });

test('a citizen signs in with VNeID on the simulator and finds an identity-verified account', async ({
  page,
}) => {
  const citizen = VNEID_TEST_CITIZENS.find(
    (c) => c.identificationLevel === 2 && c.fullName === 'Cà Văn Dũng',
  );
  if (!citizen) throw new Error('test citizen missing');

  // "My learning" needs an account: the portal asks to sign in first, and remembers where to go back.
  await page.goto('/learning');
  await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();

  // VNeID's own page (the simulator): the portal is left, credentials are typed there, not here.
  await expect(
    page.getByRole('heading', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }),
  ).toBeVisible();
  await page.getByLabel('Số định danh cá nhân').fill(citizen.citizenId);
  await page.getByLabel('Mật khẩu').fill(VNEID_TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  // First time: VNeID asks whether to share the identity with Hocvu.
  await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click();

  // Back in the portal, signed in, where the citizen was going.
  await expect(page).toHaveURL(/\/learning$/);
  await expect(nav(page).getByRole('link', { name: 'Hồ sơ' })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Hồ sơ' }).click();
  const masked = `${citizen.citizenId.slice(0, 4)}******${citizen.citizenId.slice(-2)}`;
  await expect(page.getByText(`Đã xác thực mức 2 · số định danh ${masked}`)).toBeVisible();
  await expect(page.getByText(citizen.fullName)).toBeVisible();
  // The whole id is never on the page.
  await expect(page.locator('body')).not.toContainText(citizen.citizenId);
  // No password to change on an account made through VNeID, and nothing left to link.
  await expect(page.getByRole('link', { name: 'Đổi mật khẩu' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Liên kết tài khoản VNeID' })).toHaveCount(0);
});

test('a VNeID sign-in that comes back without its round trip is refused with a way back', async ({
  page,
}) => {
  await page.goto('/api/auth/vneid/callback?code=forged&state=forged');
  await expect(page).toHaveURL(/\/auth\/vneid\?error=VNEID_SIGN_IN_FAILED/);
  await expect(page.getByRole('heading', { name: 'Chưa đăng nhập được bằng VNeID' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Đăng nhập bằng VNeID không thành công');
  await page.getByRole('link', { name: 'Thử lại' }).click();
  await expect(page.getByRole('button', { name: 'Đăng nhập bằng VNeID' })).toBeVisible();
});
