import { expect, type Page, test } from '@playwright/test';

import { DEMO } from '../stack';

/** The demo teacher of the seed (apps/api/src/seed/demo-seed.ts). */
const TEACHER = { phone: '0911000003', password: 'hocvu2026' };

async function signIn(page: Page, phone: string, password: string): Promise<void> {
  await page.goto('/auth/sign-in');
  await page.getByLabel('Số điện thoại hoặc email').fill(phone);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Xin chào/ })).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(nav(page).getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

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
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
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
