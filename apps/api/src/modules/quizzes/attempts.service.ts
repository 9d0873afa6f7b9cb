import {
  Answer,
  answerKey,
  attemptAvailability,
  AuthorQuestion,
  checkAnswer,
  DrawError,
  drawQuestions,
  grade,
  LearnerQuestion,
  shuffle,
  toLearnerView,
} from '@hocvu/assessment';
import {
  ATTEMPT_DEADLINE_GRACE_SECONDS,
  AttemptStatus,
  ErrorCode,
  LessonKind,
  QuizFeedback,
  QuizSettings,
} from '@hocvu/contracts';
import { finishAttempt, FrozenQuestion } from '@hocvu/progress';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { LearningService } from '../learning/learning.service';
import { AnswerWriter } from './answer-writer';
import { AttemptInserter } from './attempt-inserter';
import {
  AttemptDto,
  AttemptQuestionDto,
  QuestionFeedbackDto,
  QuizOverviewDto,
  SaveAnswerDto,
  SavedAnswerDto,
} from './dto/attempt.dto';
import { LruCache } from './lru-cache';
import { AttemptSummaryRow, StartContextLoader } from './start-context-loader';

/** The parts of an attempt that never change once it started: cached in process. */
interface FrozenAttempt {
  id: string;
  userId: string;
  courseId: string;
  lessonId: string;
  attemptNo: number;
  settings: QuizSettings;
  questions: FrozenQuestion[];
  /** Seeds the option shuffle, so a learner view is the same on every read. */
  seed: string;
  byId: Map<string, number>;
  startedAt: Date;
  deadlineAt: Date | null;
}

interface AttemptRow {
  id: string;
  userId: string;
  courseId: string;
  lessonId: string;
  attemptNo: number;
  seed: string;
  settings: QuizSettings;
  questions: FrozenQuestion[];
  startedAt: Date;
  deadlineAt: Date | null;
}

interface SavedAnswerRow {
  questionId: string;
  answer: Answer | null;
  locked: boolean;
}

interface StatusRow {
  status: AttemptStatus;
  points: number | null;
  maxPoints: number | null;
  percent: string | null;
  passed: boolean | null;
  finishedAt: Date | null;
  deadlineAt: Date | null;
  courseCompleted: boolean;
  /** The answers saved so far (one query with the status: describing an attempt is one round trip). */
  answers: SavedAnswerRow[];
}

const ATTEMPT_COLUMNS = `id, user_id AS "userId", course_id AS "courseId", lesson_id AS "lessonId",
  attempt_no AS "attemptNo", seed, settings, questions, started_at AS "startedAt", deadline_at AS "deadlineAt"`;

/**
 * The learner's view of an attempt's i-th question (no answers; options in the attempt's own order).
 * Made per response rather than cached with the attempt: thousands of cached attempts' views would
 * hold megabytes of old space through an exam, for the few reads that need them.
 */
function learnerView(attempt: FrozenAttempt, i: number): LearnerQuestion {
  const { id, question } = attempt.questions[i];
  const shuffle = attempt.settings.shuffleOptions || question.type === 'ordering';
  return toLearnerView(question, shuffle ? `${attempt.seed}:${id}` : undefined);
}

/**
 * Quiz attempts on the server: the draw, the clock, autosave, grading. The client gets questions
 * without answers (toLearnerView), the remaining time as computed here, and feedback only as the
 * quiz's policy allows; a reload or another device resumes the same attempt.
 *
 * Hot path (an exam starting for thousands at once): an attempt's frozen part is cached in process,
 * and answers are group-committed (AnswerWriter); the bank a draw reads is cached for a few seconds.
 */
@Injectable()
export class AttemptsService {
  /** Bank snapshots per course; new attempts see edits within this many ms. */
  static readonly BANK_TTL_MS = 5_000;
  private readonly attempts = new LruCache<string, FrozenAttempt>(5_000);
  private readonly banks = new Map<string, { at: number; bank: Promise<BankQuestion[]> }>();
  private readonly quizzes = new LruCache<string, QuizSettings | null>(1_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly learning: LearningService,
    private readonly writer: AnswerWriter,
    private readonly inserter: AttemptInserter,
    private readonly contexts: StartContextLoader,
  ) {}

  async overview(courseId: string, lessonId: string, user: AuthUser): Promise<QuizOverviewDto> {
    const { versionId, lesson } = await this.learning.enrolledLesson(courseId, lessonId, user);
    const settings = await this.quizOf(versionId, lessonId, lesson.kind);
    let attempts = await this.attemptsOf(user.id, lessonId);
    const open = attempts.find((attempt) => attempt.status === AttemptStatus.InProgress);
    if (open && this.expired(open.deadlineAt, new Date())) {
      await this.finish(open.id);
      attempts = await this.attemptsOf(user.id, lessonId);
    }
    const stillOpen = attempts.find((attempt) => attempt.status === AttemptStatus.InProgress) ?? null;
    const availability = this.availability(settings, attempts);
    const finished = attempts.filter((attempt) => attempt.percent !== null);
    return {
      courseId,
      lessonId,
      finalExam: lesson.finalExam === true,
      questionCount: settings.pools.reduce((sum, pool) => sum + pool.count, 0),
      timeLimitMinutes: settings.timeLimitMinutes,
      attemptsAllowed: settings.attemptsAllowed,
      attemptsUsed: attempts.length,
      attemptsLeft: availability.attemptsLeft,
      cooldownMinutes: settings.cooldownMinutes,
      passingPercent: settings.passingPercent,
      feedback: settings.feedback,
      passed: lesson.completed,
      bestPercent:
        finished.length === 0 ? null : Math.max(...finished.map((attempt) => Number(attempt.percent))),
      canStart: stillOpen !== null || availability.canStart,
      blockedReason: stillOpen !== null || availability.canStart ? null : availability.reason,
      retryAt:
        !availability.canStart && availability.reason === 'cooling_down'
          ? availability.retryAt.toISOString()
          : null,
      openAttemptId: stillOpen?.id ?? null,
      attempts: attempts.map((attempt) => ({
        id: attempt.id,
        attemptNo: attempt.attemptNo,
        status: attempt.status,
        startedAt: new Date(attempt.startedAt).toISOString(),
        finishedAt: attempt.finishedAt ? new Date(attempt.finishedAt).toISOString() : null,
        percent: attempt.percent === null ? null : Number(attempt.percent),
        passed: attempt.passed,
      })),
    };
  }

  /**
   * Starts an attempt, or resumes the one in progress (`created` false): a double tap, a second device
   * or a reload all land on the same attempt. The questions are drawn and frozen now.
   */
  async start(
    courseId: string,
    lessonId: string,
    user: AuthUser,
  ): Promise<{ attempt: AttemptDto; created: boolean }> {
    // Enrolment, progress and earlier attempts in one read, batched with other starts arriving together.
    const context = await this.contexts.load({ userId: user.id, courseId, lessonId });
    const { versionId, lesson } = await this.learning.lessonFromEnrolment(context, lessonId);
    const settings = await this.quizOf(versionId, lessonId, lesson.kind);
    const now = new Date();
    let attempts: AttemptSummaryRow[] = context.attempts;
    const open = attempts.find((attempt) => attempt.status === AttemptStatus.InProgress);
    if (open) {
      if (!this.expired(open.deadlineAt, now))
        return { attempt: await this.describe(open.id, user), created: false };
      await this.finish(open.id);
      attempts = await this.attemptsOf(user.id, lessonId);
    }
    const availability = this.availability(settings, attempts, now);
    if (!availability.canStart) {
      if (availability.reason === 'no_attempts_left') {
        throw new AppError(ErrorCode.NoAttemptsLeft, HttpStatus.CONFLICT, 'No attempts left for this quiz');
      }
      const wait = Math.max(1, Math.ceil((availability.retryAt.getTime() - now.getTime()) / 1000));
      throw new AppError(
        ErrorCode.AttemptCoolingDown,
        HttpStatus.CONFLICT,
        `The next attempt may start at ${availability.retryAt.toISOString()}`,
        { retryAt: availability.retryAt.toISOString() },
        { 'retry-after': String(wait) },
      );
    }

    const bank = await this.bankOf(courseId);
    const seed = randomBytes(12).toString('base64url');
    let ids: string[];
    try {
      ids = drawQuestions(settings.pools, bank, seed);
    } catch (error) {
      if (!(error instanceof DrawError)) throw error;
      throw new AppError(
        ErrorCode.QuizUnavailable,
        HttpStatus.CONFLICT,
        `The question bank cannot serve this quiz: ${error.message}`,
      );
    }
    if (settings.shuffleQuestions) ids = shuffle(ids, `${seed}:order`);
    const byId = new Map(bank.map((entry) => [entry.id, entry.question]));
    const questions: FrozenQuestion[] = ids.map((id) => ({ id, question: byId.get(id) as AuthorQuestion }));
    const deadline =
      settings.timeLimitMinutes === null
        ? null
        : new Date(now.getTime() + settings.timeLimitMinutes * 60_000);

    // The partial unique index allows one attempt in progress: a concurrent start inserts nothing.
    const fresh = {
      userId: user.id,
      courseId,
      lessonId,
      versionId,
      attemptNo: attempts.length + 1,
      seed,
      settings,
      questions,
      startedAt: now,
      deadlineAt: deadline,
    };
    const id = await this.inserter.insert(fresh);
    if (id === null) {
      const [winner] = await this.attemptsOf(user.id, lessonId).then((rows) =>
        rows.filter((row) => row.status === AttemptStatus.InProgress),
      );
      if (!winner) {
        throw new AppError(
          ErrorCode.AttemptClosed,
          HttpStatus.CONFLICT,
          'Another attempt was just started and finished',
        );
      }
      return { attempt: await this.describe(winner.id, user), created: false };
    }
    const frozen = this.freeze({ id, ...fresh });
    this.attempts.set(frozen.id, frozen);
    return { attempt: this.toDto(frozen, [], null, now), created: true };
  }

  /** The attempt as the learner left it; past its deadline it is finished first (and shown graded). */
  async describe(attemptId: string, user: AuthUser): Promise<AttemptDto> {
    const attempt = await this.frozen(attemptId, user);
    const now = new Date();
    let status = await this.statusOf(attemptId);
    if (status.status === AttemptStatus.InProgress && this.expired(status.deadlineAt, now)) {
      await this.finish(attemptId);
      status = await this.statusOf(attemptId);
    }
    return this.toDto(attempt, status.answers, status, now);
  }

  /**
   * Autosaves one answer. Refused once the attempt is finished or past its deadline (plus a few
   * seconds' grace for the network), for a question not in the attempt, for a malformed answer and,
   * when feedback follows each answer, for a question already marked.
   */
  async saveAnswer(
    attemptId: string,
    questionId: string,
    dto: SaveAnswerDto,
    user: AuthUser,
  ): Promise<SavedAnswerDto> {
    const attempt = await this.frozen(attemptId, user);
    const index = attempt.byId.get(questionId);
    if (index === undefined) {
      throw new AppError(
        ErrorCode.QuestionNotInAttempt,
        HttpStatus.UNPROCESSABLE_ENTITY,
        'This question is not part of the attempt',
      );
    }
    const { question } = attempt.questions[index];
    const check = checkAnswer(question, dto.answer);
    if (!check.ok) {
      throw new AppError(ErrorCode.AnswerInvalid, HttpStatus.UNPROCESSABLE_ENTITY, check.problem);
    }
    const now = new Date();
    if (this.expired(attempt.deadlineAt, now)) throw attemptClosed('time_up');
    const elapsedMs = now.getTime() - attempt.startedAt.getTime();
    const spent = Math.max(0, Math.min(dto.timeSpentMs ?? 0, elapsedMs));
    const lock = attempt.settings.feedback === QuizFeedback.AfterEach;

    const savedAt = await this.writer.save({
      attemptId,
      questionId,
      position: index,
      answer: check.answer,
      timeSpentMs: spent,
      lock,
    });
    if (savedAt === null) {
      const status = await this.statusOf(attemptId);
      if (status.status !== AttemptStatus.InProgress) throw attemptClosed(status.status);
      if (this.expired(status.deadlineAt, new Date())) throw attemptClosed('time_up');
      throw new AppError(
        ErrorCode.AnswerLocked,
        HttpStatus.CONFLICT,
        'This question has been marked; its answer is final',
      );
    }
    return {
      savedAt: savedAt.toISOString(),
      remainingSeconds: this.remaining(attempt.deadlineAt, now),
      feedback: lock ? feedbackFor(question, check.answer) : null,
    };
  }

  /** Grades and closes the attempt. Idempotent: submitting again returns the same result. */
  async submit(attemptId: string, user: AuthUser): Promise<AttemptDto> {
    await this.frozen(attemptId, user);
    await this.finish(attemptId);
    return this.describe(attemptId, user);
  }

  private finish(attemptId: string) {
    return this.dataSource.transaction((manager) => finishAttempt(manager, attemptId, new Date()));
  }

  private toDto(
    attempt: FrozenAttempt,
    saved: SavedAnswerRow[],
    status: StatusRow | null,
    now: Date,
  ): AttemptDto {
    const answers = new Map(saved.map((row) => [row.questionId, row]));
    const state = status?.status ?? AttemptStatus.InProgress;
    const finished = state !== AttemptStatus.InProgress;
    const policy = attempt.settings.feedback;
    return {
      id: attempt.id,
      courseId: attempt.courseId,
      lessonId: attempt.lessonId,
      attemptNo: attempt.attemptNo,
      status: state,
      feedback: policy,
      passingPercent: attempt.settings.passingPercent,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
      remainingSeconds: finished ? 0 : this.remaining(status?.deadlineAt ?? attempt.deadlineAt, now),
      questions: attempt.questions.map(({ id, question }, i): AttemptQuestionDto => {
        const row = answers.get(id);
        const answer = row?.answer ?? null;
        // Answers are revealed per the policy: after each (once answered) or after submit; never otherwise.
        const reveal =
          (policy === QuizFeedback.AfterEach && (row?.locked === true || finished)) ||
          (policy === QuizFeedback.AfterSubmit && finished);
        return {
          id,
          question: learnerView(attempt, i),
          answer: answer,
          locked: row?.locked === true,
          feedback: reveal ? feedbackFor(question, answer) : null,
        };
      }),
      result:
        finished && status
          ? {
              points: status.points ?? 0,
              maxPoints: status.maxPoints ?? attempt.questions.length,
              percent: Number(status.percent ?? 0),
              passed: status.passed === true,
              finishedAt: new Date(status.finishedAt ?? now).toISOString(),
              courseCompleted: status.courseCompleted,
            }
          : null,
    };
  }

  /** The attempt's frozen part, if it is this learner's (anyone else's is "not found", not "forbidden"). */
  private async frozen(attemptId: string, user: AuthUser): Promise<FrozenAttempt> {
    let attempt = this.attempts.get(attemptId);
    if (!attempt) {
      const [row] = await this.dataSource.query<AttemptRow[]>(
        `SELECT ${ATTEMPT_COLUMNS} FROM quiz_attempts WHERE id = $1`,
        [attemptId],
      );
      if (row) {
        attempt = this.freeze(row);
        this.attempts.set(attemptId, attempt);
      }
    }
    if (!attempt || attempt.userId !== user.id) {
      throw AppError.notFound(ErrorCode.AttemptNotFound, 'No such attempt');
    }
    return attempt;
  }

  private freeze(row: AttemptRow): FrozenAttempt {
    const { settings, questions, seed } = row;
    return {
      id: row.id,
      userId: row.userId,
      courseId: row.courseId,
      lessonId: row.lessonId,
      attemptNo: row.attemptNo,
      settings,
      questions,
      seed,
      byId: new Map(questions.map(({ id }, i) => [id, i])),
      startedAt: new Date(row.startedAt),
      deadlineAt: row.deadlineAt === null ? null : new Date(row.deadlineAt),
    };
  }

  private statusOf(attemptId: string): Promise<StatusRow> {
    return this.dataSource
      .query<StatusRow[]>(
        `SELECT a.status, a.points, a.max_points AS "maxPoints", a.score_percent AS percent, a.passed,
                a.finished_at AS "finishedAt", a.deadline_at AS "deadlineAt",
                e.completed_at IS NOT NULL AS "courseCompleted",
                coalesce((SELECT json_agg(json_build_object('questionId', x.question_id, 'answer', x.answer,
                                                            'locked', x.locked))
                            FROM quiz_attempt_answers x WHERE x.attempt_id = a.id), '[]') AS answers
           FROM quiz_attempts a
           LEFT JOIN enrolments e ON e.course_id = a.course_id AND e.user_id = a.user_id
          WHERE a.id = $1`,
        [attemptId],
      )
      .then((rows) => rows[0]);
  }

  private attemptsOf(userId: string, lessonId: string) {
    return this.dataSource.query<
      {
        id: string;
        attemptNo: number;
        status: AttemptStatus;
        startedAt: Date;
        deadlineAt: Date | null;
        finishedAt: Date | null;
        percent: string | null;
        passed: boolean | null;
      }[]
    >(
      `SELECT id, attempt_no AS "attemptNo", status, started_at AS "startedAt", deadline_at AS "deadlineAt",
              finished_at AS "finishedAt", score_percent AS percent, passed
         FROM quiz_attempts WHERE user_id = $1 AND lesson_id = $2 ORDER BY attempt_no`,
      [userId, lessonId],
    );
  }

  private availability(
    settings: QuizSettings,
    attempts: { status: AttemptStatus; finishedAt: Date | null }[],
    now = new Date(),
  ) {
    const finishedTimes = attempts
      .filter((attempt) => attempt.finishedAt !== null)
      .map((attempt) => new Date(attempt.finishedAt as Date).getTime());
    return attemptAvailability({
      attemptsAllowed: settings.attemptsAllowed,
      attemptsUsed: attempts.length,
      lastFinishedAt: finishedTimes.length === 0 ? null : new Date(Math.max(...finishedTimes)),
      cooldownMinutes: settings.cooldownMinutes,
      now,
    });
  }

  /** The quiz settings frozen in a published version (immutable, so cached). */
  private async quizOf(versionId: string, lessonId: string, kind: LessonKind): Promise<QuizSettings> {
    if (kind !== LessonKind.Quiz) {
      throw new AppError(
        ErrorCode.LessonKindUnsupported,
        HttpStatus.BAD_REQUEST,
        'This lesson is not a quiz',
      );
    }
    const key = `${versionId}:${lessonId}`;
    let settings = this.quizzes.get(key);
    if (settings === undefined) {
      const [row] = await this.dataSource.query<{ quiz: QuizSettings | null }[]>(
        `SELECT content -> 'quiz' AS quiz FROM course_version_lessons WHERE version_id = $1 AND lesson_id = $2`,
        [versionId, lessonId],
      );
      settings = row?.quiz ?? null;
      this.quizzes.set(key, settings);
    }
    if (!settings) {
      throw new AppError(
        ErrorCode.QuizUnavailable,
        HttpStatus.CONFLICT,
        'This quiz has no settings in the published course',
      );
    }
    return settings;
  }

  private bankOf(courseId: string): Promise<BankQuestion[]> {
    const cached = this.banks.get(courseId);
    if (cached && Date.now() - cached.at < AttemptsService.BANK_TTL_MS) return cached.bank;
    const bank = this.dataSource
      .query<{ id: string; tags: string[]; content: AuthorQuestion }[]>(
        'SELECT id, tags, content FROM questions WHERE course_id = $1',
        [courseId],
      )
      .then((rows) => rows.map((row) => ({ id: row.id, tags: row.tags, question: row.content })));
    // Concurrent starts share one read; a failed read is not kept.
    this.banks.set(courseId, { at: Date.now(), bank });
    bank.catch(() => this.banks.delete(courseId));
    if (this.banks.size > 1_000) this.banks.delete(this.banks.keys().next().value as string);
    return bank;
  }

  private expired(deadline: Date | null, now: Date): boolean {
    return (
      deadline !== null &&
      now.getTime() > new Date(deadline).getTime() + ATTEMPT_DEADLINE_GRACE_SECONDS * 1000
    );
  }

  /** Whole seconds to the deadline, rounded down (the portal's countdown ends before the server's). */
  private remaining(deadline: Date | null, now: Date): number | null {
    return deadline === null
      ? null
      : Math.max(0, Math.floor((new Date(deadline).getTime() - now.getTime()) / 1000));
  }
}

interface BankQuestion {
  id: string;
  tags: string[];
  question: AuthorQuestion;
}

function feedbackFor(question: AuthorQuestion, answer: Answer | null): QuestionFeedbackDto {
  const result = grade(question, answer);
  return {
    correct: result.correct,
    score: result.score,
    correctAnswer: answerKey(question),
    ...(question.explanation ? { explanation: question.explanation } : {}),
  };
}

function attemptClosed(reason: string): AppError {
  return new AppError(
    ErrorCode.AttemptClosed,
    HttpStatus.CONFLICT,
    'This attempt has ended; the answer was not saved',
    {
      reason,
    },
  );
}
