import { type APIRequestContext, expect, type Page, test } from '@playwright/test';

import { DEMO } from '../stack';
import { apiAs, signIn, TEACHER } from './portal';

/** Screenshots for looking at by hand; not part of the assertions. */
const SHOTS = '/tmp';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };

/** A question of the bank as the test knows it: its text and the correct answer, in words. */
type BankQuestion = { explanation?: string } & (
  | { type: 'single_choice'; text: string; options: string[]; correct: string }
  | { type: 'multiple_choice'; text: string; options: string[]; correct: string[] }
  | { type: 'true_false'; text: string; correct: boolean }
  | { type: 'ordering'; text: string; correct: string[] }
  | { type: 'short_text'; text: string; correct: string }
);

const BANK: BankQuestion[] = [
  {
    type: 'single_choice',
    text: 'Ứng dụng nào dùng để định danh điện tử?',
    options: ['VNeID', 'Zalo', 'Facebook'],
    correct: 'VNeID',
  },
  {
    type: 'single_choice',
    text: 'Có người gọi điện xin mã OTP của bạn. Bạn làm gì?',
    options: ['Không đưa cho ai', 'Đọc mã cho họ', 'Gửi mã qua tin nhắn'],
    correct: 'Không đưa cho ai',
  },
  { type: 'true_false', text: 'Nên đặt mật khẩu khác nhau cho mỗi tài khoản.', correct: true },
  {
    type: 'multiple_choice',
    text: 'Những thông tin nào không được cho người lạ biết?',
    options: ['Mã OTP', 'Mật khẩu', 'Tên ứng dụng bạn hay dùng'],
    correct: ['Mã OTP', 'Mật khẩu'],
  },
  {
    type: 'ordering',
    text: 'Sắp xếp các bước gọi video cho con cháu trên Zalo.',
    correct: ['Mở ứng dụng Zalo', 'Chọn người thân', 'Bấm biểu tượng máy quay'],
  },
  {
    type: 'short_text',
    text: 'Ứng dụng định danh điện tử của Bộ Công an tên là gì?',
    correct: 'VNeID',
  },
];

const optionId = () => `o${Math.random().toString(36).slice(2, 12)}`;

/** The question in the API's shape, with random option ids (ids must not give the order away). */
function authored(question: BankQuestion, tag: string): Record<string, unknown> {
  const base = {
    type: question.type,
    text: { vi: question.text },
    tags: [tag],
    ...(question.explanation ? { explanation: { vi: question.explanation } } : {}),
  };
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const options = question.options.map((text) => ({ id: optionId(), text: { vi: text } }));
      const idOf = (text: string) => options.find((option) => option.text.vi === text)?.id;
      return question.type === 'single_choice'
        ? { ...base, options, correctOptionId: idOf(question.correct) }
        : { ...base, options, correctOptionIds: question.correct.map(idOf) };
    }
    case 'true_false':
      return { ...base, correctAnswer: question.correct };
    case 'ordering': {
      const options = question.correct.map((text) => ({ id: optionId(), text: { vi: text } }));
      return { ...base, options, correctOrder: options.map((option) => option.id) };
    }
    case 'short_text':
      return { ...base, acceptedAnswers: [question.correct], diacriticInsensitive: true };
  }
}

/** A second bank: quick questions with explanations, for feedback right after each answer. */
const QUICK_BANK: BankQuestion[] = [
  {
    type: 'single_choice',
    text: 'Mã OTP dùng để làm gì?',
    options: ['Xác nhận giao dịch của chính bạn', 'Nhận quà khuyến mãi', 'Đăng nhập tài khoản người khác'],
    correct: 'Xác nhận giao dịch của chính bạn',
    explanation: 'OTP chỉ dùng một lần, để xác nhận chính bạn đang giao dịch.',
  },
  {
    type: 'true_false',
    text: 'Có thể cho người lạ mượn căn cước công dân để nhận quà.',
    correct: false,
    explanation: 'Kẻ gian dùng căn cước của bạn để vay tiền hoặc mở tài khoản.',
  },
  {
    type: 'single_choice',
    text: 'Gặp kẻ lừa đảo đe doạ, bạn gọi số nào?',
    options: ['113', '115', '114'],
    correct: '113',
    explanation: '113 là số của công an.',
  },
];

interface QuizSettings {
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  cooldownMinutes: number;
  passingPercent: number;
  feedback: 'after_each' | 'after_submit' | 'never';
  finalExam: boolean;
}

/**
 * The teacher's side, through the API: a course with (optionally) an article, then a quiz drawing every
 * question of `bank`, published.
 */
async function publishQuizCourse(
  request: APIRequestContext,
  course: {
    title: string;
    quizTitle: string;
    article: boolean;
    bank: BankQuestion[];
    settings: QuizSettings;
  },
) {
  const call = await apiAs(request, TEACHER);
  type Course = { id: string; slug: string; sections: { id: string; lessons: { id: string }[] }[] };

  let created = await call<Course>('POST', '/api/studio/courses', {
    title: { vi: course.title },
    summary: { vi: 'Giữ tài khoản an toàn, nhận biết lừa đảo qua điện thoại.' },
    level: 'beginner',
    targetGroups: ['citizen'],
    languages: ['vi'],
    sequential: true,
  });
  created = await call<Course>('POST', `/api/studio/courses/${created.id}/sections`, {
    title: { vi: 'Bảo vệ tài khoản' },
  });
  const sectionId = created.sections[0].id;
  if (course.article) {
    created = await call<Course>('POST', `/api/studio/sections/${sectionId}/lessons`, {
      kind: 'article',
      title: { vi: 'Mã OTP là gì?' },
      estimatedMinutes: 5,
    });
    await call('PATCH', `/api/studio/lessons/${created.sections[0].lessons[0].id}`, {
      body: { vi: '## Mã OTP\n\nMã OTP là **chìa khoá** tài khoản của bạn. Không đưa cho ai.' },
    });
  }
  created = await call<Course>('POST', `/api/studio/sections/${sectionId}/lessons`, {
    kind: 'quiz',
    title: { vi: course.quizTitle },
    estimatedMinutes: 10,
  });
  const quizId = created.sections[0].lessons.at(-1)?.id as string;
  const tag = 'an toàn';
  for (const question of course.bank) {
    await call('POST', `/api/studio/courses/${created.id}/questions`, authored(question, tag));
  }
  await call('PUT', `/api/studio/lessons/${quizId}/quiz`, {
    pools: [{ tag, count: course.bank.length }],
    shuffleQuestions: true,
    shuffleOptions: true,
    ...course.settings,
  });
  await call('POST', `/api/studio/courses/${created.id}/publish`, {});
  return { slug: created.slug };
}

/** The bank question on screen, found by its text. */
async function questionOnScreen(page: Page): Promise<BankQuestion> {
  const text = (await page.locator('legend').innerText()).trim();
  const question = [...BANK, ...QUICK_BANK].find((candidate) => candidate.text === text);
  expect(question, `unknown question "${text}"`).toBeDefined();
  return question as BankQuestion;
}

/** Answers the question on screen correctly, as a learner would (one tap per choice, ▲ to reorder). */
async function answerCorrectly(page: Page): Promise<void> {
  const question = await questionOnScreen(page);
  switch (question.type) {
    case 'single_choice':
      await page.getByRole('radio', { name: question.correct, exact: true }).check();
      break;
    case 'multiple_choice':
      for (const text of question.correct)
        await page.getByRole('checkbox', { name: text, exact: true }).check();
      break;
    case 'true_false':
      await page.getByRole('radio', { name: question.correct ? 'Đúng' : 'Sai', exact: true }).check();
      break;
    case 'ordering':
      for (const [target, text] of question.correct.entries()) {
        let position = (await page.locator('.quiz-order__text').allInnerTexts()).indexOf(text);
        while (position > target) {
          await page.getByRole('button', { name: `Đưa “${text}” lên` }).click();
          position -= 1;
          await expect(page.locator('.quiz-order__text').nth(position)).toHaveText(text);
        }
      }
      break;
    case 'short_text':
      // Typed without diacritics, as many do on a phone keyboard; saved on leaving the box.
      await page.getByLabel('Câu trả lời của bạn').fill(question.correct.toLowerCase());
      await page.getByLabel('Câu trả lời của bạn').blur();
      break;
  }
  await expect(
    page.getByRole('button', { name: /^Câu \d+, đã trả lời$/ }).and(currentDot(page)),
  ).toBeVisible();
}

/** The answer given before the reload is shown again. */
async function expectAnswerShown(page: Page): Promise<void> {
  const question = await questionOnScreen(page);
  switch (question.type) {
    case 'single_choice':
      await expect(page.getByRole('radio', { name: question.correct, exact: true })).toBeChecked();
      break;
    case 'multiple_choice':
      for (const text of question.correct)
        await expect(page.getByRole('checkbox', { name: text, exact: true })).toBeChecked();
      break;
    case 'true_false':
      await expect(
        page.getByRole('radio', { name: question.correct ? 'Đúng' : 'Sai', exact: true }),
      ).toBeChecked();
      break;
    case 'ordering':
      await expect(page.locator('.quiz-order__text')).toHaveText(question.correct);
      break;
    case 'short_text':
      await expect(page.getByLabel('Câu trả lời của bạn')).toHaveValue(question.correct.toLowerCase());
      break;
  }
}

function currentDot(page: Page) {
  return page.locator('.quiz-dot[aria-current="step"]');
}

/** Nothing waits in the autosave queue (unsaved answers are kept in localStorage until the API has them). */
async function expectAllSaved(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () => Object.keys(localStorage).filter((key) => key.startsWith('hocvu.quiz.pending.')).length,
      ),
    )
    .toBe(0);
  await expect(page.locator('.quiz-save')).toHaveText('Đã lưu');
}

function clockSeconds(text: string): number {
  const [minutes, seconds] = text.split(':').map(Number);
  return minutes * 60 + seconds;
}

test('a learner takes the final exam on a phone, reloads half-way, passes and completes the course', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = String(Date.now()).slice(-6);
  const title = `An toàn trên mạng ${stamp}`;
  const course = await publishQuizCourse(request, {
    title,
    quizTitle: 'Bài thi: an toàn tài khoản',
    article: true,
    bank: BANK,
    settings: {
      timeLimitMinutes: 10,
      attemptsAllowed: 3,
      cooldownMinutes: 0,
      passingPercent: 80,
      feedback: 'after_submit',
      finalExam: true,
    },
  });

  // The learner enrols, reads the article and goes on to the exam.
  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await page.goto(`/courses/${course.slug}`);
  await page.getByRole('button', { name: 'Đăng ký học' }).click();
  await expect(page.getByText('Đăng ký thành công!')).toBeVisible();
  await page.getByRole('link', { name: 'Mã OTP là gì?' }).click();
  await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).click();
  await page.getByRole('link', { name: 'Bài tiếp theo' }).click();

  // The overview says what the exam is.
  await expect(page.getByRole('heading', { level: 1, name: 'Bài thi: an toàn tài khoản' })).toBeVisible();
  await expect(page.getByText('Bài thi cuối khoá', { exact: true })).toBeVisible();
  const facts = page.locator('.quiz-facts');
  await expect(facts).toContainText('6 câu');
  await expect(facts).toContainText('10 phút');
  await expect(facts).toContainText('Từ 80% trở lên');
  await expect(facts).toContainText('Đã làm 0/3 lần, còn 3 lần');
  await page.screenshot({ path: `${SHOTS}/quiz-overview-phone.png`, fullPage: true });
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();

  // One question per screen; focus on its heading; the URL names the attempt.
  await expect(page.getByRole('heading', { level: 2, name: 'Câu 1/6' })).toBeFocused();
  await expect(page).toHaveURL(/\?attempt=[0-9a-f-]{36}$/);
  await expect(page.getByRole('button', { name: 'Câu 1, chưa trả lời' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^(10:00|09:\d\d)$/);

  // Half the questions, each saved as soon as it is answered.
  for (let number = 1; number <= 3; number += 1) {
    await expect(page.getByRole('heading', { level: 2, name: `Câu ${number}/6` })).toBeVisible();
    await answerCorrectly(page);
    if (number === 1) await page.screenshot({ path: `${SHOTS}/quiz-question-phone.png` });
    await page.getByRole('button', { name: 'Câu tiếp' }).click();
  }
  await expectAllSaved(page);
  const before = clockSeconds(await page.getByRole('timer').innerText());

  // A reload (flat battery, a tap on "back"…) lands in the same attempt, at the first unanswered question.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Câu 4/6' })).toBeVisible();
  for (let number = 1; number <= 3; number += 1) {
    await expect(page.getByRole('button', { name: `Câu ${number}, đã trả lời` })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Câu 4, chưa trả lời' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  // The clock goes on from the server's time: not back to 10:00.
  const after = clockSeconds(await page.getByRole('timer').innerText());
  expect(after).toBeLessThanOrEqual(before);
  expect(after).toBeGreaterThan(before - 60);
  // The answers given before are all there.
  for (let number = 1; number <= 3; number += 1) {
    await page.getByRole('button', { name: `Câu ${number}, đã trả lời` }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Câu ${number}/6` })).toBeFocused();
    await expectAnswerShown(page);
  }
  await page.getByRole('button', { name: 'Câu 4, chưa trả lời' }).click();

  for (let number = 4; number <= 6; number += 1) {
    await expect(page.getByRole('heading', { level: 2, name: `Câu ${number}/6` })).toBeVisible();
    await answerCorrectly(page);
    if (number === 4) {
      await page.setViewportSize(DESKTOP);
      await page.screenshot({ path: `${SHOTS}/quiz-question-desktop.png` });
      await page.setViewportSize(PHONE);
    }
    await page.getByRole('button', { name: number < 6 ? 'Câu tiếp' : 'Xem lại và nộp bài' }).click();
  }
  await expectAllSaved(page);

  // Review: every question answered; submitting asks for confirmation.
  await expect(page.getByRole('heading', { level: 2, name: 'Xem lại trước khi nộp' })).toBeFocused();
  await expect(page.getByText('Bạn đã trả lời cả 6 câu.')).toBeVisible();
  await expect(page.locator('.quiz-review__item')).toHaveCount(6);
  await page.screenshot({ path: `${SHOTS}/quiz-review-phone.png`, fullPage: true });
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  await expect(page.getByText('Bạn chắc chắn muốn nộp bài?')).toBeVisible();
  await page.getByRole('button', { name: 'Nộp bài ngay' }).click();

  // Results: passed, with the score, and the course is complete.
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả lần làm bài thứ 1' })).toBeFocused();
  await expect(page.getByText('Chúc mừng! Bạn đã đạt.')).toBeVisible();
  await expect(page.locator('.quiz-verdict__percent')).toHaveText('100%');
  await expect(page.getByText('6/6 điểm')).toBeVisible();
  await expect(page.getByText('Bạn đã hoàn thành khoá học!')).toBeVisible();
  // The answers are shown after submitting (the quiz's policy).
  await expect(page.locator('.quiz-answers__item')).toHaveCount(6);
  await expect(page.locator('.quiz-feedback--right')).toHaveCount(6);
  await page.screenshot({ path: `${SHOTS}/quiz-results-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${SHOTS}/quiz-results-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);

  await page.locator('.quiz-celebrate').getByRole('link', { name: 'Về nội dung khoá học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: `Tiến độ học: ${title}` })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(page.getByText('Đã hoàn thành khoá học', { exact: true })).toBeVisible();
});

/** Answers the question on screen wrongly: another option, the opposite of true or false. */
async function answerWrongly(page: Page): Promise<BankQuestion> {
  const question = await questionOnScreen(page);
  switch (question.type) {
    case 'single_choice': {
      const wrong = question.options.find((option) => option !== question.correct) as string;
      await page.getByRole('radio', { name: wrong, exact: true }).check();
      break;
    }
    case 'true_false':
      await page.getByRole('radio', { name: question.correct ? 'Sai' : 'Đúng', exact: true }).check();
      break;
    default:
      throw new Error(`answerWrongly does not do ${question.type} questions`);
  }
  return question;
}

function correctText(question: BankQuestion): string {
  if (question.type === 'true_false') return question.correct ? 'Đúng' : 'Sai';
  return Array.isArray(question.correct) ? question.correct.join(', ') : question.correct;
}

test('with feedback after each answer, an answer checked offline is marked once back online; a failed quiz waits for its cooldown', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const stamp = String(Date.now()).slice(-6);
  const course = await publishQuizCourse(request, {
    title: `Cảnh giác lừa đảo ${stamp}`,
    quizTitle: 'Kiểm tra nhanh: lừa đảo qua điện thoại',
    article: false,
    bank: QUICK_BANK,
    settings: {
      timeLimitMinutes: null,
      attemptsAllowed: 2,
      cooldownMinutes: 60,
      passingPercent: 80,
      feedback: 'after_each',
      finalExam: false,
    },
  });

  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await page.goto(`/courses/${course.slug}`);
  await page.getByRole('button', { name: 'Đăng ký học' }).click();
  await expect(page.getByText('Đăng ký thành công!')).toBeVisible();
  await page.getByRole('link', { name: 'Kiểm tra nhanh: lừa đảo qua điện thoại' }).click();
  const facts = page.locator('.quiz-facts');
  await expect(facts).toContainText('Không giới hạn');
  await expect(facts).toContainText('Ngay sau mỗi câu');
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Câu 1/3' })).toBeFocused();
  // No time limit, no clock.
  await expect(page.getByRole('timer')).toHaveCount(0);

  // The connection drops just as the learner asks for the first answer to be checked.
  const first = await answerWrongly(page);
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Kiểm tra câu trả lời' }).click();
  await expect(page.locator('.quiz-save')).toHaveText('Chưa lưu được — sẽ thử lại');
  await expect(page.getByRole('button', { name: 'Đang chấm…' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/quiz-offline-phone.png` });
  // Back online: sent again at once, marked, and the answer is now final.
  await page.context().setOffline(false);
  const feedback = page.locator('.quiz-feedback');
  await expect(feedback).toContainText('Chưa đúng');
  await expect(feedback).toContainText(`Đáp án đúng${correctText(first)}`);
  await expect(feedback).toContainText(first.explanation as string);
  await expect(feedback).toBeFocused();
  await expect(page.locator('.quiz-save')).toHaveText('Đã lưu');
  for (const radio of await page.getByRole('radio').all()) await expect(radio).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/quiz-feedback-phone.png`, fullPage: true });

  for (let number = 2; number <= 3; number += 1) {
    await page
      .getByRole('button', { name: 'Câu tiếp' })
      .or(page.getByRole('button', { name: 'Xem lại và nộp bài' }))
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 2, name: `Câu ${number}/3` })).toBeVisible();
    await answerWrongly(page);
    await page.getByRole('button', { name: 'Kiểm tra câu trả lời' }).click();
    await expect(page.locator('.quiz-feedback')).toContainText('Chưa đúng');
  }
  await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  await page.getByRole('button', { name: 'Nộp bài ngay' }).click();

  // Not passed: said in words and with an icon; the next try waits an hour.
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả lần làm bài thứ 1' })).toBeFocused();
  await expect(page.getByText('Bạn chưa đạt lần này.')).toBeVisible();
  await expect(page.locator('.quiz-verdict__percent')).toHaveText('0%');
  await expect(page.getByText(/^Có thể làm lại lúc \d\d:\d\d\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Làm lại' })).toHaveCount(0);
  await expect(page.locator('.quiz-feedback--wrong')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/quiz-results-failed-phone.png`, fullPage: true });

  await page.getByRole('link', { name: 'Về trang bài kiểm tra' }).click();
  await expect(page.getByRole('button', { name: 'Làm lại' })).toBeDisabled();
  await expect(page.getByText(/^Có thể làm lại lúc \d\d:\d\d\.$/)).toBeVisible();
  await expect(page.locator('.quiz-facts')).toContainText('Đã làm 1/2 lần, còn 1 lần');
  await expect(page.locator('.quiz-past__item')).toContainText(['Lần 1']);
  await page.screenshot({ path: `${SHOTS}/quiz-overview-cooldown-phone.png`, fullPage: true });
});

test('the clock warns at 5 minutes, 1 minute and 30 seconds, and submits by itself when time is up', async ({
  page,
  request,
}) => {
  const stamp = String(Date.now()).slice(-6);
  const course = await publishQuizCourse(request, {
    title: `Hết giờ làm bài ${stamp}`,
    quizTitle: 'Kiểm tra có giờ',
    article: false,
    bank: QUICK_BANK,
    settings: {
      timeLimitMinutes: 6,
      attemptsAllowed: null,
      cooldownMinutes: 0,
      passingPercent: 50,
      feedback: 'never',
      finalExam: false,
    },
  });

  // The page's clock is the test's: minutes pass in an instant (the server's clock is untouched).
  await page.clock.install();
  await signIn(page, DEMO.learner.phone, DEMO.learner.password);
  await page.goto(`/courses/${course.slug}`);
  await page.getByRole('button', { name: 'Đăng ký học' }).click();
  await page.getByRole('link', { name: 'Kiểm tra có giờ' }).click();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Câu 1/3' })).toBeFocused();
  await answerCorrectly(page);
  await expectAllSaved(page);

  const polite = page.locator('p.visually-hidden[aria-live="polite"]').last();
  const assertive = page.locator('p.visually-hidden[aria-live="assertive"]');
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^0[56]:\d\d$/);

  await page.clock.fastForward('01:05');
  await expect(timer).toHaveText(/^04:5\d$/);
  await expect(polite).toHaveText('Còn 5 phút làm bài.');
  await page.clock.fastForward('04:00');
  await expect(polite).toHaveText('Còn 1 phút làm bài.');
  await expect(page.locator('.quiz-timer--low')).toBeVisible();
  await page.clock.fastForward('00:30');
  await expect(assertive).toHaveText('Chỉ còn 30 giây! Bài sẽ tự nộp khi hết giờ.');
  await page.screenshot({ path: `${SHOTS}/quiz-low-time-phone.png` });

  await page.clock.fastForward('00:30');
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả lần làm bài thứ 1' })).toBeVisible();
  // One of three right: 33.3 %, below the 50 % needed. This quiz never shows the answers.
  await expect(page.getByText('Bạn chưa đạt lần này.')).toBeVisible();
  await expect(page.getByText('1/3 điểm')).toBeVisible();
  await expect(page.getByText('Bài kiểm tra này không hiển thị đáp án.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Làm lại' })).toBeVisible();
});
