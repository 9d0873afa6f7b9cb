import { expect, type Page, test } from '@playwright/test';

import { DEMO } from '../stack';
import { apiAs, type Call, signIn, TEACHER } from './portal';

/** Screenshots for looking at by hand (phone and desktop); not part of the assertions. */
const SHOTS = '/tmp';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

type Course = { id: string; slug: string; sections: { id: string; lessons: { id: string }[] }[] };

/** The answer of each question the test wrote, by the id the API gave it. */
type AnswerKey = Map<string, { optionId: string } | { value: boolean }>;

/**
 * A draft course with one quiz lesson (no settings yet) and a bank of four questions tagged "VNeID"
 * and three tagged "an toàn", written through the API as a teacher would in the question bank.
 */
async function draftQuizCourse(call: Call, title: string) {
  let course = await call<Course>('POST', '/api/studio/courses', {
    title: { vi: title },
    summary: { vi: 'Làm quen với VNeID và giữ tài khoản an toàn.' },
    level: 'beginner',
    targetGroups: ['citizen'],
    languages: ['vi'],
    sequential: false,
  });
  course = await call<Course>('POST', `/api/studio/courses/${course.id}/sections`, {
    title: { vi: 'Kiểm tra' },
  });
  course = await call<Course>('POST', `/api/studio/sections/${course.sections[0]?.id}/lessons`, {
    kind: 'quiz',
    title: { vi: 'Kiểm tra: VNeID và an toàn' },
    estimatedMinutes: 10,
  });
  const quizId = course.sections[0]?.lessons[0]?.id;
  const answers: AnswerKey = new Map();
  for (let i = 1; i <= 4; i += 1) {
    const question = await call<{ id: string }>('POST', `/api/studio/courses/${course.id}/questions`, {
      type: 'single_choice',
      text: { vi: `VNeID câu ${i}: ứng dụng định danh điện tử của Bộ Công an là gì?` },
      tags: ['VNeID'],
      options: [
        { id: `right${i}`, text: { vi: 'VNeID' } },
        { id: `wrong${i}`, text: { vi: 'Zalo' } },
      ],
      correctOptionId: `right${i}`,
    });
    answers.set(question.id, { optionId: `right${i}` });
  }
  for (let i = 1; i <= 3; i += 1) {
    const question = await call<{ id: string }>('POST', `/api/studio/courses/${course.id}/questions`, {
      type: 'true_false',
      text: { vi: `An toàn câu ${i}: không bao giờ đọc mã OTP cho người lạ.` },
      tags: ['an toàn'],
      correctAnswer: true,
    });
    answers.set(question.id, { value: true });
  }
  return { courseId: course.id, quizId, answers };
}

const quizPanel = (page: Page) => page.getByRole('region', { name: 'Bài kiểm tra', exact: true });
const pool = (page: Page, number: number) =>
  quizPanel(page).getByRole('group', { name: `Nhóm ${number}`, exact: true });

test('a teacher sets up a quiz (pools, passing score, feedback) and publishes the course', async ({
  page,
  request,
}) => {
  const stamp = String(Date.now()).slice(-6);
  const call = await apiAs(request, TEACHER);
  const { courseId, quizId } = await draftQuizCourse(call, `Định danh điện tử ${stamp}`);

  await signIn(page, TEACHER.phone, TEACHER.password);

  // Publishing before the quiz is set up names the quiz, why, and links to it.
  await page.goto(`/studio/courses/${courseId}`);
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Chưa xuất bản được' });
  await expect(refusal).toContainText('1 bài kiểm tra dưới đây chưa sẵn sàng.');
  await expect(refusal).toContainText('Chưa lưu cài đặt: hãy chọn nhóm câu hỏi');
  await expect(refusal.getByRole('link', { name: 'Mở ngân hàng câu hỏi' })).toHaveAttribute(
    'href',
    `/studio/courses/${courseId}/questions`,
  );
  await refusal.screenshot({ path: `${SHOTS}/quizstudio-publish-error-phone.png` });
  await refusal.getByRole('link', { name: 'Kiểm tra: VNeID và an toàn' }).click();
  await expect(page).toHaveURL(new RegExp(`/studio/lessons/${quizId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra: VNeID và an toàn' })).toBeVisible();

  const panel = quizPanel(page);
  await expect(panel.getByText('Bài kiểm tra này chưa xuất bản được')).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Mở ngân hàng câu hỏi' })).toBeVisible();

  // Pool 1: the tags offer how many questions they have; asking for more than that is flagged.
  const first = pool(page, 1);
  await first.getByLabel('Nhãn').selectOption({ label: 'VNeID (4 câu)' });
  await first.getByLabel('Số câu').fill('6');
  await expect(first.getByText('Cần 6 câu nhưng ngân hàng chỉ có 4 câu nhãn “VNeID”.')).toBeVisible();
  await first.getByLabel('Số câu').fill('3');
  await expect(first.getByText('Ngân hàng có 4 câu nhãn “VNeID”.')).toBeVisible();

  // Pool 2, added from the keyboard: the focus lands on its tag.
  await panel.getByRole('button', { name: 'Thêm nhóm câu hỏi' }).press('Enter');
  const second = pool(page, 2);
  await expect(second.getByLabel('Nhãn')).toBeFocused();
  await second.getByLabel('Nhãn').selectOption({ label: 'an toàn (3 câu)' });
  await second.getByLabel('Số câu').fill('2');
  await expect(panel.getByText('Mỗi lượt làm bài có 5 câu hỏi.')).toBeVisible();

  await panel
    .getByRole('group', { name: 'Thời gian làm bài' })
    .getByRole('radio', { name: 'Có giới hạn' })
    .check();
  await panel.getByLabel('Số phút làm bài').fill('15');
  await panel.getByRole('radio', { name: /^Ngay sau mỗi câu/ }).check();

  // A wrong passing score is caught before sending, in the summary, linked to the field.
  await panel.getByLabel('Điểm đạt (%)').fill('');
  await panel.getByRole('button', { name: 'Lưu cài đặt bài kiểm tra' }).click();
  const summary = panel.getByRole('alert').filter({ hasText: 'Điểm đạt phải là số nguyên từ 0 đến 100.' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link').click();
  await expect(panel.getByLabel('Điểm đạt (%)')).toBeFocused();
  await page.keyboard.type('80');

  await page.setViewportSize(PHONE);
  await panel.screenshot({ path: `${SHOTS}/quizstudio-settings-phone.png` });
  await page.setViewportSize(DESKTOP);
  await panel.screenshot({ path: `${SHOTS}/quizstudio-settings-desktop.png` });

  await panel.getByRole('button', { name: 'Lưu cài đặt bài kiểm tra' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt bài kiểm tra.' })).toBeVisible();
  await expect(panel.getByText('Bài kiểm tra này chưa xuất bản được')).toHaveCount(0);

  // Saved: a fresh page shows the same settings.
  await page.reload();
  await expect(pool(page, 1).getByLabel('Nhãn')).toHaveValue('VNeID');
  await expect(pool(page, 2).getByLabel('Số câu')).toHaveValue('2');
  await expect(quizPanel(page).getByLabel('Điểm đạt (%)')).toHaveValue('80');
  await expect(quizPanel(page).getByRole('radio', { name: /^Ngay sau mỗi câu/ })).toBeChecked();
  await expect(quizPanel(page).getByLabel('Số phút làm bài')).toHaveValue('15');
  await expect(quizPanel(page).getByText('Bài kiểm tra này chưa xuất bản được')).toHaveCount(0);

  await page.getByRole('link', { name: 'Về khoá học' }).click();
  await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
  await expect(page.getByText('Đã xuất bản phiên bản 1.')).toBeVisible();
});

test('a quiz with a finished attempt shows its statistics and the score chart', async ({ page, request }) => {
  const stamp = String(Date.now()).slice(-6);
  const teacher = await apiAs(request, TEACHER);
  const { courseId, quizId, answers } = await draftQuizCourse(teacher, `An toàn trên mạng ${stamp}`);
  await teacher('PUT', `/api/studio/lessons/${quizId}/quiz`, {
    pools: [
      { tag: 'VNeID', count: 3 },
      { tag: 'an toàn', count: 2 },
    ],
    shuffleQuestions: true,
    shuffleOptions: true,
    timeLimitMinutes: null,
    attemptsAllowed: null,
    cooldownMinutes: 0,
    passingPercent: 70,
    feedback: 'after_submit',
    finalExam: true,
  });
  await teacher('POST', `/api/studio/courses/${courseId}/publish`, {});

  // A learner takes the quiz through the API: four answers right, the last one wrong (80%).
  const learner = await apiAs(request, DEMO.learner);
  await learner('POST', `/api/courses/${courseId}/enrolment`);
  const attempt = await learner<{ id: string; questions: { id: string }[] }>(
    'POST',
    `/api/learn/${courseId}/quizzes/${quizId}/attempts`,
  );
  expect(attempt.questions).toHaveLength(5);
  for (const [index, question] of attempt.questions.entries()) {
    const key = answers.get(question.id);
    if (!key) throw new Error(`question ${question.id} is not one the test wrote`);
    const wrong =
      'optionId' in key ? { optionId: key.optionId.replace('right', 'wrong') } : { value: !key.value };
    const answer = index < 4 ? key : wrong;
    await learner('PUT', `/api/attempts/${attempt.id}/answers/${question.id}`, { answer, timeSpentMs: 6000 });
  }
  await learner('POST', `/api/attempts/${attempt.id}/submit`);

  await signIn(page, TEACHER.phone, TEACHER.password);
  await page.goto(`/studio/lessons/${quizId}`);
  const panel = quizPanel(page);
  await expect(panel.getByRole('checkbox', { name: 'Đây là bài thi cuối khoá' })).toBeChecked();

  // The tabs follow the keyboard: → shows the statistics.
  await panel.getByRole('tab', { name: 'Cài đặt' }).focus();
  await page.keyboard.press('ArrowRight');
  const statsTab = panel.getByRole('tab', { name: 'Thống kê' });
  await expect(statsTab).toBeFocused();
  await expect(statsTab).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/[?&]tab=stats/);

  const stats = panel.getByRole('tabpanel', { name: 'Thống kê' });
  await expect(stats.locator('[data-figure="attempts"] dd')).toHaveText('1');
  await expect(stats.locator('[data-figure="learners"] dd')).toHaveText('1');
  await expect(stats.locator('[data-figure="passRate"] dd')).toHaveText('100%');
  await expect(stats.locator('[data-figure="average"] dd')).toHaveText('80%');
  const chart = stats.getByRole('img', { name: 'Biểu đồ cột: số lượt làm bài theo khoảng điểm' });
  await expect(chart).toBeVisible();
  await expect(stats.locator('canvas')).toHaveCount(1);
  await expect(stats.getByText('1 lượt làm bài, đạt 80–89%.')).toBeVisible();

  const rows = stats.getByRole('region', { name: 'Từng câu hỏi' }).getByRole('row');
  await expect(rows).toHaveCount(6); // the header and the five questions drawn
  // Hardest first: the question answered wrong (0% correct) leads, flagged.
  await expect(rows.nth(1)).toContainText('0%');
  await expect(rows.nth(1)).toContainText('Quá khó');
  await expect(rows.nth(2)).toContainText('100%');
  await expect(rows.nth(2)).toContainText('Quá dễ');

  await page.setViewportSize(PHONE);
  await stats.screenshot({ path: `${SHOTS}/quizstudio-stats-phone.png` });
  await page.setViewportSize(DESKTOP);
  await stats.screenshot({ path: `${SHOTS}/quizstudio-stats-desktop.png` });
});
