import { solidPng } from '@hocvu/server-kit/testing';
import { expect, type Locator, type Page, test } from '@playwright/test';

import { nav, signIn, TEACHER } from './portal';

/** Screenshots for looking at by hand (phone and desktop); not part of the assertions. */
const SHOTS = '/tmp';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** The template's columns with one good row (true/false) and one without its answer (row 3). */
const CSV = [
  'type,tags,question_vi,option_1,option_2,option_3,correct,explanation_vi',
  'true_false,an toàn,Có nên đọc mã OTP cho người tự xưng là công an qua điện thoại không?,,,,sai,Công an không bao giờ hỏi mã OTP.',
  'single_choice,VNeID,Mức định danh nào cần ảnh chân dung?,Mức 1,Mức 2,,,',
].join('\n');

async function createCourse(page: Page, title: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Soạn bài giảng' }).click();
  await page.getByRole('link', { name: 'Tạo khoá học mới' }).click();
  await page.getByLabel('Tên khoá học (tiếng Việt)').fill(title);
  await page.getByLabel('Tóm tắt (tiếng Việt)').fill('Làm quen ứng dụng VNeID và giữ an toàn trên mạng.');
  await page.getByRole('checkbox', { name: 'Người dân' }).check();
  await page.getByRole('button', { name: 'Tạo khoá học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a teacher writes a question, imports a CSV with a broken row and finds both questions in the bank', async ({
  page,
}) => {
  const stamp = String(Date.now()).slice(-6);
  await signIn(page, TEACHER.phone, TEACHER.password);
  await createCourse(page, `Định danh điện tử ${stamp}`);

  await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ngân hàng câu hỏi' })).toBeVisible();
  await expect(page.getByText('Chưa có câu hỏi nào.', { exact: false })).toBeVisible();

  // Write a single-choice question; the editor refuses it until an answer is marked.
  await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  const editor = page.getByRole('region', { name: 'Thêm câu hỏi' });
  await expect(editor.getByRole('radio', { name: /^Một đáp án/ })).toBeChecked();
  await editor.getByLabel('Câu hỏi (tiếng Việt)').fill('Ứng dụng nào dùng để định danh điện tử?');
  await editor.getByLabel('Lựa chọn 1 (tiếng Việt)').fill('VNeID');
  await editor.getByLabel('Lựa chọn 2 (tiếng Việt)').fill('Zalo');
  await editor.getByRole('button', { name: 'Thêm lựa chọn' }).click();
  await expect(editor.getByLabel('Lựa chọn 3 (tiếng Việt)')).toBeFocused();
  await page.keyboard.type('Facebook');
  await editor.getByRole('textbox', { name: /^Nhãn/ }).fill('VNeID');
  await editor.getByRole('button', { name: 'Lưu câu hỏi' }).click();
  const summary = editor.getByRole('alert').filter({ hasText: 'Hãy đánh dấu đáp án đúng.' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Hãy đánh dấu đáp án đúng.' }).click();
  await expect(editor.getByRole('radio', { name: 'Đáp án đúng (Lựa chọn 1)' })).toBeFocused();
  await page.keyboard.press('Space');
  await editor.getByRole('button', { name: 'Lưu câu hỏi' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thêm câu hỏi.' })).toBeVisible();

  const list = page.getByRole('region', { name: /^Các câu hỏi/ });
  const written = list.getByRole('listitem').filter({ hasText: 'Ứng dụng nào dùng để định danh điện tử?' });
  await expect(written.getByText('Một đáp án')).toBeVisible();
  await expect(written.getByText('3 lựa chọn')).toBeVisible();

  // As a learner would see it: the options, and nothing about the answer.
  await written.getByRole('button', { name: /^Xem như học viên/ }).click();
  const preview = written.getByRole('region', { name: 'Học viên sẽ thấy' });
  await expect(preview.getByRole('listitem')).toHaveText(['VNeID', 'Zalo', 'Facebook']);
  await expect(preview.getByText('Đáp án đúng')).toHaveCount(0);
  await written.screenshot({ path: `${SHOTS}/qbank-preview-phone.png` });

  // The templates come from the API.
  await page.getByText('Nhập nhiều câu hỏi từ tệp Excel hoặc CSV').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải tệp mẫu Excel (.xlsx)' }).click();
  expect((await download).suggestedFilename()).toBe('mau-cau-hoi.xlsx');

  // Import: the good row is added, the broken one is reported by its row number.
  await page
    .getByLabel('Tệp câu hỏi (.xlsx hoặc .csv)')
    .setInputFiles({ name: 'cau-hoi.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Nhập câu hỏi', exact: true }).click();
  await expect(page.getByText('Đã nhập 1 câu hỏi.')).toBeVisible();
  const report = page.getByRole('region', { name: '1 dòng chưa nhập được' });
  await expect(report.getByRole('rowheader')).toHaveText(['3']);
  await expect(report.getByRole('cell')).toHaveText([/^Cột correct đang trống/]);

  await expect(list.getByRole('heading', { level: 2 })).toHaveText('Các câu hỏi (2)');
  await expect(list.getByRole('listitem').filter({ hasText: 'Có nên đọc mã OTP' })).toBeVisible();

  // Narrow the list by tag, then by words typed without diacritics.
  await list.getByRole('button', { name: 'an toàn 1' }).click();
  await expect(list.getByRole('button', { name: 'an toàn 1' })).toHaveAttribute('aria-pressed', 'true');
  await expect(list.getByText('Đang hiện 1/2 câu hỏi')).toBeVisible();
  await expect(written).toHaveCount(0);
  await list.getByRole('button', { name: 'Tất cả 2' }).click();
  await list.getByLabel('Tìm câu hỏi').fill('dinh danh dien tu');
  await expect(list.locator('.question-card')).toHaveCount(1);
  await expect(written).toBeVisible();
  await list.getByLabel('Tìm câu hỏi').fill('');

  // Delete the imported one, with confirmation.
  const imported = list.getByRole('listitem').filter({ hasText: 'Có nên đọc mã OTP' });
  await imported.getByRole('button', { name: /^Xoá/ }).click();
  await imported.getByRole('button', { name: 'Xoá', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xoá câu hỏi.' })).toBeVisible();
  await expect(list.getByRole('heading', { level: 2 })).toHaveText('Các câu hỏi (1)');

  // For looking at by hand: the list with the editor open, on a phone and on a desktop.
  await written.getByRole('button', { name: /^Sửa/ }).click();
  await expect(page.getByRole('heading', { name: 'Sửa câu hỏi' })).toBeFocused();
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/qbank-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${SHOTS}/qbank-desktop.png`, fullPage: true });
});

/** The image's own width once the browser has it: 0 while loading or when it failed. */
function loadedWidth(image: Locator): Promise<number> {
  return image.evaluate((element) => (element as HTMLImageElement).naturalWidth);
}

test('a teacher gives a question a picture with its description; the bank and the preview show it', async ({
  page,
}) => {
  const stamp = String(Date.now()).slice(-6);
  await signIn(page, TEACHER.phone, TEACHER.password);
  await createCourse(page, `Ảnh trong câu hỏi ${stamp}`);
  await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
  await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  const editor = page.getByRole('region', { name: 'Thêm câu hỏi' });
  await editor.getByRole('radio', { name: /^Đúng\/Sai/ }).check();
  await editor.getByLabel('Câu hỏi (tiếng Việt)').fill('Đây là thẻ căn cước gắn chip?');
  await editor.getByRole('radio', { name: 'Đúng', exact: true }).check();

  const picture = editor.getByRole('group', { name: 'Hình ảnh (không bắt buộc)' });
  const file = picture.getByLabel('Chọn ảnh');
  await expect(file).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp');

  // Too small: refused in the browser, before any upload.
  await file.setInputFiles({ name: 'nho.png', mimeType: 'image/png', buffer: solidPng(40, 30) });
  await expect(
    picture.getByText('Ảnh quá nhỏ (40×30 điểm ảnh). Ảnh câu hỏi cần ít nhất 64×64 điểm ảnh.'),
  ).toBeVisible();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await picture.screenshot({ path: `${SHOTS}/qimg-too-small.png` });

  // A good one is uploaded at once (held back here, as on a slow line): the question waits for it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    '**/question-images',
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  await file.setInputFiles({
    name: 'the-can-cuoc.png',
    mimeType: 'image/png',
    buffer: solidPng(320, 200, [21, 101, 192]),
  });
  await expect(picture.getByRole('status')).toHaveText('Đang tải ảnh lên…');
  await expect(picture).toHaveAttribute('aria-busy', 'true');
  await expect(file).not.toHaveAttribute('aria-invalid');
  await picture.screenshot({ path: `${SHOTS}/qimg-uploading.png` });
  await editor.getByRole('button', { name: 'Lưu câu hỏi' }).click();
  await expect(
    editor.getByRole('alert').filter({ hasText: 'Ảnh đang được tải lên. Hãy đợi tải xong rồi lưu.' }),
  ).toBeFocused();
  release();

  // Then it is shown, and its description asked for.
  await expect(picture.getByRole('status')).toHaveText('Đã tải ảnh lên. Hãy viết mô tả ảnh rồi lưu câu hỏi.');
  await expect(editor.getByText('Ảnh đang được tải lên.', { exact: false })).toHaveCount(0);
  await expect(picture.getByLabel('Đổi ảnh khác')).toBeVisible();
  const thumbnail = picture.locator('img.question-image__preview');
  await expect(thumbnail).toHaveAttribute('src', /^\/api\/media\/public\/question-images\/.+\.png$/);
  await expect(thumbnail).toHaveAttribute('loading', 'lazy');
  await expect.poll(() => loadedWidth(thumbnail)).toBe(320);

  // Saved without a description: the summary says so and leads to the box.
  await editor.getByRole('button', { name: 'Lưu câu hỏi' }).click();
  const missing = 'Hãy viết mô tả ảnh bằng tiếng Việt, cho người không nhìn thấy ảnh.';
  const summary = editor.getByRole('alert').filter({ hasText: missing });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: missing }).click();
  const alt = picture.getByLabel('Mô tả ảnh (tiếng Việt)');
  await expect(alt).toBeFocused();
  await page.keyboard.type('Thẻ căn cước màu xanh có gắn chip');
  await expect(thumbnail).toHaveAttribute('alt', 'Thẻ căn cước màu xanh có gắn chip');

  // The phone-sized editor with its picture, for looking at by hand.
  await page.setViewportSize(PHONE);
  await editor.screenshot({ path: `${SHOTS}/qimg-editor.png` });

  await editor.getByRole('button', { name: 'Lưu câu hỏi' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thêm câu hỏi.' })).toBeVisible();

  // The bank's card shows a small picture, described; the picture is public and answers.
  const list = page.getByRole('region', { name: /^Các câu hỏi/ });
  const card = list.getByRole('listitem').filter({ hasText: 'Đây là thẻ căn cước gắn chip?' });
  const cardImage = card.getByRole('img', { name: 'Thẻ căn cước màu xanh có gắn chip' });
  await expect(cardImage).toHaveAttribute('loading', 'lazy');
  await expect.poll(() => loadedWidth(cardImage)).toBe(320);
  const src = await cardImage.getAttribute('src');
  const response = await page.request.get(src ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  await card.screenshot({ path: `${SHOTS}/qimg-card.png` });

  // As a learner sees it: the picture under the question.
  await card.getByRole('button', { name: /^Xem như học viên/ }).click();
  const preview = card.getByRole('region', { name: 'Học viên sẽ thấy' });
  await expect(preview.getByRole('img', { name: 'Thẻ căn cước màu xanh có gắn chip' })).toBeVisible();
  await preview.screenshot({ path: `${SHOTS}/qimg-preview.png` });

  // Taken off again: the question is saved without it.
  await card.getByRole('button', { name: /^Sửa/ }).click();
  const again = page.getByRole('region', { name: 'Sửa câu hỏi' });
  await again.getByRole('button', { name: 'Xoá ảnh' }).click();
  await expect(again.getByLabel('Chọn ảnh')).toBeFocused();
  await expect(
    again.getByRole('group', { name: 'Hình ảnh (không bắt buộc)' }).getByRole('status'),
  ).toHaveText('Đã bỏ ảnh khỏi câu hỏi. Lưu câu hỏi để áp dụng.');
  await again.getByRole('button', { name: 'Lưu câu hỏi' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu câu hỏi.' })).toBeVisible();
  await expect(card.getByRole('img')).toHaveCount(0);
});
