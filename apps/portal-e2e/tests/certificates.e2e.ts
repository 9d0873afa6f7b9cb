import { VNEID_TEST_CITIZENS, VNEID_TEST_PASSWORD } from '@hocvu/attestation/testing';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

import { DEMO } from '../stack';
import { apiAs, nav, signIn, signOut, TEACHER } from './portal';

test.use({ viewport: { width: 390, height: 844 } });

/**
 * The whole certificate path on the real stack: a citizen signs in with VNeID (the simulator), completes
 * a short course, downloads the certificate, opens the link its QR code carries and sees it valid (and
 * confirmed on VNeID: the worker pushed the attestation); an admin revokes it and the page says so.
 */
test('a VNeID learner completes a course, downloads and verifies the certificate; an admin revokes it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const citizen = VNEID_TEST_CITIZENS.find((c) => c.fullName === 'Quàng Thị Hoa');
  if (!citizen) throw new Error('test citizen missing');

  // A one-lesson course, authored as a teacher would through the studio API.
  const teacher = await apiAs(request, TEACHER);
  const title = `Nhận diện cuộc gọi lừa đảo ${Date.now().toString(36)}`;
  type Course = { id: string; slug: string; sections: { id: string; lessons: { id: string }[] }[] };
  let course = await teacher<Course>('POST', '/api/studio/courses', {
    title: { vi: title },
    summary: { vi: 'Nhận biết cuộc gọi giả danh công an, ngân hàng' },
    level: 'beginner',
    targetGroups: ['citizen'],
    languages: ['vi'],
  });
  course = await teacher<Course>('POST', `/api/studio/courses/${course.id}/sections`, {
    title: { vi: 'Cảnh giác' },
  });
  course = await teacher<Course>('POST', `/api/studio/sections/${course.sections[0].id}/lessons`, {
    kind: 'article',
    title: { vi: 'Dấu hiệu cuộc gọi lừa đảo' },
    estimatedMinutes: 3,
  });
  await teacher('PATCH', `/api/studio/lessons/${course.sections[0].lessons[0].id}`, {
    body: { vi: '# Dấu hiệu\n\nKhông bao giờ đọc **mã OTP** cho người khác.' },
  });
  await teacher('POST', `/api/studio/courses/${course.id}/publish`, {});

  // Sign in with VNeID on the simulator's page.
  await page.goto(`/courses/${course.slug}`);
  await page.goto('/auth/sign-in');
  await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.getByLabel('Số định danh cá nhân').fill(citizen.citizenId);
  await page.getByLabel('Mật khẩu').fill(VNEID_TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click();
  await expect(nav(page).getByRole('link', { name: 'Hồ sơ' })).toBeVisible();

  // Enrol, read the lesson, mark it done: the course is complete.
  await page.goto(`/courses/${course.slug}`);
  await page.getByRole('button', { name: 'Đăng ký học' }).click();
  await page.getByRole('link', { name: 'Dấu hiệu cuộc gọi lừa đảo' }).click();
  await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click();
  await expect(page.getByRole('group', { name: 'Đã hoàn thành' })).toBeVisible();

  // The worker issues the certificate within seconds; the learner finds it under "Chứng nhận".
  await expect(async () => {
    await page.goto('/certificates');
    await expect(page.getByRole('link', { name: new RegExp(title) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByText(citizen.fullName).first()).toBeVisible();
  const serial =
    (
      await page
        .getByText(/^DB-\d{4}-\d{6,}$/)
        .first()
        .textContent()
    )?.trim() ?? '';
  expect(serial).toMatch(/^DB-\d{4}-\d{6,}$/);

  // Downloads: the PDF and the signed credential.
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Tải chứng nhận/ }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`chung-nhan-${serial}.pdf`);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Tải tệp xác thực/ }).click(),
  ]);
  const credential = JSON.parse(readFileSync(await json.path(), 'utf8')) as { id: string };
  // The credential's id is the verification URL the PDF's QR code carries.
  const verificationUrl = new URL(credential.id);
  expect(verificationUrl.pathname).toBe(`/verify/${serial}`);

  // The QR link, opened signed out (as a stranger scanning the PDF would): valid, name masked.
  await signOut(page);
  await page.goto(verificationUrl.pathname);
  await expect(page.getByRole('heading', { name: 'Chứng nhận hợp lệ' })).toBeVisible();
  await expect(page.getByText('Quàng T** H**')).toBeVisible();
  await expect(page.getByText(title)).toBeVisible();
  await expect(page.locator('body')).not.toContainText(citizen.fullName);
  // Identity-verified: the worker pushed the completion to VNeID (the simulator) and it was confirmed.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Đã xác nhận trên VNeID')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 40_000 });

  // An admin revokes it, with a reason.
  await signIn(page, DEMO.provinceAdmin.phone, DEMO.provinceAdmin.password);
  await page.goto('/admin/certificates');
  await page.getByLabel(/Tìm/).fill(serial);
  await page.getByLabel(/Tìm/).press('Enter');
  await page
    .getByRole('button', { name: /Thu hồi/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Lý do/).fill('Cấp nhầm người học (kiểm thử)');
  await dialog.getByRole('button', { name: /Thu hồi/ }).click();
  await expect(page.getByText('Cấp nhầm người học (kiểm thử)').first()).toBeVisible();
  await signOut(page);

  // The same QR link now says revoked, with the reason.
  await page.goto(verificationUrl.pathname);
  await expect(page.getByRole('heading', { name: 'Chứng nhận đã bị thu hồi' })).toBeVisible();
  await expect(page.getByText('Cấp nhầm người học (kiểm thử)')).toBeVisible();
});
