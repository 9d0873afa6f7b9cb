import { solidPng } from '@hocvu/server-kit/testing';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO } from '../stack';
import { nav, signIn, signOut, TEACHER } from './portal';

/** Screenshots for looking at by hand; not part of the assertions. */
const SHOTS = '/tmp/hocvu-shots';

/** Creates a draft course in the studio and leaves the browser in its editor. */
async function createCourse(page: Page, title: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Soạn bài giảng' }).click();
  await page.getByRole('link', { name: 'Tạo khoá học mới' }).click();
  await page.getByLabel('Tên khoá học (tiếng Việt)').fill(title);
  await page.getByLabel('Tóm tắt (tiếng Việt)').fill('Gọi video, nhắn tin và gửi ảnh cho người thân.');
  await page.getByRole('checkbox', { name: 'Người dân' }).check();
  await page.getByRole('button', { name: 'Tạo khoá học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Bản nháp', { exact: true })).toBeVisible();
}

async function addSection(page: Page, title: string): Promise<void> {
  await page.getByLabel('Tên chương (tiếng Việt)').fill(title);
  await page.getByRole('button', { name: 'Thêm chương', exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Chương \\d+: ${title}$`) })).toBeVisible();
}

async function addArticle(page: Page, section: string, title: string): Promise<void> {
  await page.getByRole('button', { name: `Thêm bài học vào chương ${section}` }).click();
  await page.getByLabel('Tên bài học (tiếng Việt)').fill(title);
  await expect(page.getByRole('radio', { name: 'Bài đọc' })).toBeChecked();
  await page.getByRole('button', { name: 'Thêm bài học', exact: true }).click();
  await expect(page.getByRole('link', { name: title })).toBeFocused();
}

test('a teacher publishes an article; a learner finds it typing without diacritics, reads and completes it', async ({
  page,
}) => {
  const stamp = String(Date.now()).slice(-6);
  const courseTitle = `Kỹ năng số cho người cao tuổi ${stamp}`;
  const lessonTitle = 'Gọi video cho con cháu';

  await signIn(page, TEACHER.phone, TEACHER.password);
  await createCourse(page, courseTitle);
  await addSection(page, 'Bắt đầu');
  await addArticle(page, 'Bắt đầu', lessonTitle);

  await page.getByRole('link', { name: lessonTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
  await page
    .getByLabel('Nội dung bài (tiếng Việt)')
    .fill(
      '## Gọi video trên Zalo\n\nMở ứng dụng **Zalo**, chọn người thân, rồi bấm vào biểu tượng máy quay.\n\n- Giữ điện thoại ngang tầm mắt.',
    );
  await page.getByRole('button', { name: 'Lưu và xem trước' }).click();
  const preview = page.getByRole('region', { name: 'Xem trước' });
  await expect(preview.getByRole('heading', { name: 'Gọi video trên Zalo' })).toBeVisible();
  await expect(preview.getByText('Zalo', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Về khoá học' }).click();
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await expect(page.getByText('Đã xuất bản phiên bản 1.')).toBeVisible();
  await expect(page.getByText('Đã xuất bản', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lịch sử xuất bản' }).getByText('Phiên bản 1')).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await nav(page).getByRole('link', { name: 'Khoá học' }).click();
  await page.getByLabel('Tìm khoá học').fill(`ky nang so cho nguoi cao tuoi ${stamp}`);
  // Typing searches by itself after a pause; the URL keeps the search.
  await expect(page).toHaveURL(/q=ky\+nang/);
  await page.getByRole('link', { name: courseTitle }).click();

  await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nội dung khoá học' })).toBeVisible();
  await expect(page.getByText(lessonTitle)).toBeVisible();
  await page.getByRole('button', { name: 'Đăng ký học' }).click();

  await expect(page.getByText('Đăng ký thành công!')).toBeVisible();
  await page.getByRole('link', { name: lessonTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Gọi video trên Zalo' })).toBeVisible();
  await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click();
  await expect(page.getByText('Đã hoàn thành', { exact: true })).toBeVisible();
  await expect(page.getByText('Chúc mừng! Bạn đã học xong khoá học này.')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Học tập của tôi' }).click();
  const progress = page.getByRole('progressbar', { name: `Tiến độ học: ${courseTitle}` });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText('Đã học 1/1 bài (100%)')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('my-learning.png'), fullPage: true });
});

test('a teacher reorders lessons with the keyboard, across sections, and the order is saved', async ({
  page,
}) => {
  const stamp = String(Date.now()).slice(-6);
  await signIn(page, TEACHER.phone, TEACHER.password);
  await createCourse(page, `Dịch vụ công trực tuyến ${stamp}`);
  await addSection(page, 'Chuẩn bị');
  await addSection(page, 'Nộp hồ sơ');
  await addArticle(page, 'Chuẩn bị', 'Tạo tài khoản');
  await addArticle(page, 'Chuẩn bị', 'Chuẩn bị giấy tờ');

  // "Xuống" on the last lesson of a section takes it to the start of the next one.
  const down = page.getByRole('button', { name: 'Xuống “Chuẩn bị giấy tờ”' });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển bài “Chuẩn bị giấy tờ”' })).toHaveText(
    'Đã chuyển bài “Chuẩn bị giấy tờ” đến vị trí 1 trong chương “Nộp hồ sơ”.',
  );
  // Focus stays on the moved lesson's button; at the very end it is marked unavailable.
  await expect(down).toBeFocused();
  await expect(down).toHaveAttribute('aria-disabled', 'true');

  // The first lesson of the course cannot go further up.
  await expect(page.getByRole('button', { name: 'Lên “Tạo tài khoản”' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.getByRole('button', { name: 'Lên “Nộp hồ sơ”' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển chương' })).toHaveText(
    'Đã chuyển chương “Nộp hồ sơ” đến vị trí 1.',
  );

  // With a mouse: drag "Tạo tài khoản" by its grip onto the top half of "Chuẩn bị giấy tờ". Both are
  // brought into view first: a drag cannot scroll the page on its way.
  const target = page.getByRole('link', { name: 'Chuẩn bị giấy tờ' });
  await target.evaluate((link) => link.scrollIntoView({ block: 'start' }));
  await page
    .getByTitle('Kéo để đổi thứ tự: Tạo tài khoản')
    .dragTo(target, { targetPosition: { x: 4, y: 4 } });
  await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển bài “Tạo tài khoản”' })).toHaveText(
    'Đã chuyển bài “Tạo tài khoản” đến vị trí 1 trong chương “Nộp hồ sơ”.',
  );

  await expect(page.getByText('Đang lưu thứ tự…')).toHaveCount(0);
  await page.reload();
  const sections = page.getByRole('region', { name: 'Chương và bài học' }).getByRole('heading', { level: 3 });
  await expect(sections).toHaveText(['Chương 1: Nộp hồ sơ', 'Chương 2: Chuẩn bị', 'Thêm chương']);
  await expect(page.getByText('Chương này chưa có bài học.')).toBeVisible();
  const firstSection = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Chương 1: Nộp hồ sơ' }) });
  await expect(firstSection.getByRole('link')).toHaveText(['Tạo tài khoản', 'Chuẩn bị giấy tờ']);
});

test('in a sequential course the next lesson opens once the previous one is done', async ({ page }) => {
  await page.goto('/courses');
  await page.getByRole('link', { name: 'Kỹ năng số cơ bản: dùng điện thoại thông minh' }).click();
  await expect(page.getByText('Các bài mở lần lượt')).toBeVisible();
  // Signed out, enrolling goes through sign-in and back to this page.
  await page.getByRole('button', { name: 'Đăng ký học' }).click();
  await page.getByLabel('Số điện thoại hoặc email').fill(DEMO.learner.phone);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO.learner.password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng ký học' }).click();

  await expect(page.getByText('Đăng ký thành công!')).toBeVisible();
  // The innermost list item: the lesson, not its section.
  const second = page.getByRole('listitem').filter({ hasText: 'Kết nối Wi-Fi và dữ liệu di động 4G' }).last();
  await expect(second).toContainText('Hoàn thành bài trước để mở bài này');
  await expect(second.getByRole('link')).toHaveCount(0);

  await page.getByRole('link', { name: 'Học tiếp' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Bật máy, sạc pin và mở khoá màn hình' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click();
  // The button pressed is gone; focus is on the confirmation instead.
  await expect(page.getByRole('group', { name: 'Đã hoàn thành' })).toBeFocused();
  await page.getByRole('link', { name: 'Bài tiếp theo' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kết nối Wi-Fi và dữ liệu di động 4G' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đánh dấu đã học xong' })).toBeVisible();
});

test('a teacher archives a published course: it leaves the catalogue, and publishing again brings it back', async ({
  page,
}) => {
  const stamp = String(Date.now()).slice(-6);
  const courseTitle = `Nhận tin nhắn lừa đảo ${stamp}`;
  await signIn(page, TEACHER.phone, TEACHER.password);
  await createCourse(page, courseTitle);
  await addSection(page, 'Nhận biết');
  await addArticle(page, 'Nhận biết', 'Tin nhắn giả danh ngân hàng');
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await expect(page.getByText('Đã xuất bản phiên bản 1.')).toBeVisible();

  await page.getByRole('button', { name: 'Lưu trữ' }).click();
  await expect(page.getByText(/^Lưu trữ khoá học này\?/)).toBeFocused();
  await page
    .getByRole('group', { name: /^Lưu trữ khoá học này/ })
    .getByRole('button', { name: 'Lưu trữ' })
    .click();
  await expect(page.getByText('Đã lưu trữ khoá học. Học viên đã đăng ký vẫn học tiếp được.')).toBeVisible();
  await expect(page.getByText('Đã lưu trữ', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu trữ' })).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Khoá học' }).click();
  await expect(
    page.getByRole('link', { name: 'Kỹ năng số cơ bản: dùng điện thoại thông minh' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: courseTitle })).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Soạn bài giảng' }).click();
  await page.getByRole('link', { name: courseTitle }).click();
  await page.getByRole('button', { name: 'Xuất bản lại' }).click();
  await expect(page.getByText('Đã xuất bản phiên bản 2.')).toBeVisible();
  await expect(page.getByText('Đã xuất bản', { exact: true })).toBeVisible();
});

/** The image's own width once the browser has it: 0 while loading or when it failed. */
function loadedWidth(image: Locator): Promise<number> {
  return image.evaluate((element) => (element as HTMLImageElement).naturalWidth);
}

test('a teacher gives a course a cover: checked before upload, previewed, shown in the catalogue once published', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const stamp = String(Date.now()).slice(-6);
  const courseTitle = `Chụp và gửi ảnh cho người thân ${stamp}`;
  await signIn(page, TEACHER.phone, TEACHER.password);
  await createCourse(page, courseTitle);
  await addSection(page, 'Chụp ảnh');
  await addArticle(page, 'Chụp ảnh', 'Mở máy ảnh trên điện thoại');

  const cover = page.getByRole('region', { name: 'Ảnh bìa' });
  await expect(cover.getByText('Chưa có ảnh bìa')).toBeVisible();
  const file = cover.getByLabel('Chọn ảnh bìa');
  await expect(file).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp');

  // Too small: refused on the phone, before anything is sent.
  await file.setInputFiles({
    name: 'anh-nho.png',
    mimeType: 'image/png',
    buffer: solidPng(200, 100, [21, 101, 192]),
  });
  await cover.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(
    cover.getByText(
      'Ảnh quá nhỏ (200×100 điểm ảnh). Ảnh bìa cần rộng ít nhất 320 và cao ít nhất 180 điểm ảnh.',
    ),
  ).toBeVisible();
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await cover.screenshot({ path: join(SHOTS, 'studio-cover-too-small.png') });

  await file.setInputFiles({
    name: 'anh-bia.png',
    mimeType: 'image/png',
    buffer: solidPng(640, 360, [21, 101, 192]),
  });
  await expect(file).not.toHaveAttribute('aria-invalid');
  await cover.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(cover.getByRole('status')).toHaveText(
    'Đã lưu ảnh bìa. Ảnh sẽ hiện trong danh mục khi khoá học được xuất bản.',
  );
  const preview = cover.getByRole('img', { name: 'Ảnh bìa hiện tại của khoá học' });
  await expect(preview).toHaveAttribute('src', /^\/api\/media\/public\/covers\/.+\.png$/);
  await expect.poll(() => loadedWidth(preview)).toBe(640);
  await expect(cover.getByRole('button', { name: 'Xoá ảnh bìa' })).toBeVisible();
  await cover.screenshot({ path: join(SHOTS, 'studio-cover-section.png') });

  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await expect(page.getByText('Đã xuất bản phiên bản 1.')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Khoá học' }).click();
  await page.getByLabel('Tìm khoá học').fill(`chup va gui anh cho nguoi than ${stamp}`);
  await expect(page).toHaveURL(/q=chup/);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: courseTitle }) });
  const cardCover = card.locator('img');
  await expect(cardCover).toHaveAttribute('src', /^\/api\/media\/public\/covers\//);
  // Decoration beside the title: screen readers skip it.
  await expect(cardCover).toHaveAttribute('alt', '');
  await expect(cardCover).toHaveAttribute('loading', 'lazy');
  await expect.poll(() => loadedWidth(cardCover)).toBe(640);
  await page.screenshot({ path: join(SHOTS, 'catalogue-with-cover.png'), fullPage: true });

  // A tap on the picture opens the course, as a tap on its title does (the title's link covers the
  // card, so the tap lands on it: `force` skips Playwright's check that the image itself gets it).
  await cardCover.click({ force: true });
  await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
  const hero = page.getByRole('main').locator('img');
  await expect(hero).toHaveAttribute('src', /^\/api\/media\/public\/covers\//);
  await expect.poll(() => loadedWidth(hero)).toBe(640);
  await page.screenshot({ path: join(SHOTS, 'course-page-with-cover.png'), fullPage: true });

  // Removing asks first; the catalogue keeps the published cover until the next publication.
  await nav(page).getByRole('link', { name: 'Soạn bài giảng' }).click();
  await page.getByRole('link', { name: courseTitle }).click();
  await cover.getByRole('button', { name: 'Xoá ảnh bìa' }).click();
  await expect(cover.getByText(/^Xoá ảnh bìa của khoá học\?/)).toBeFocused();
  await cover
    .getByRole('group', { name: /^Xoá ảnh bìa của khoá học/ })
    .getByRole('button', { name: 'Xoá ảnh bìa' })
    .click();
  await expect(cover.getByRole('status')).toContainText(
    'Đã xoá ảnh bìa. Hãy xuất bản lại để gỡ ảnh khỏi danh mục.',
  );
  await expect(cover.getByText('Chưa có ảnh bìa')).toBeVisible();
  await expect(cover.getByRole('img')).toHaveCount(0);
  await expect(page.getByText('Có thay đổi chưa xuất bản')).toBeVisible();
});
