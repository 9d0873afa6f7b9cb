import { ErrorCode, QuizFeedback } from '@hocvu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

import type { ApiError } from '../../../../shared/api/api-error';
import { errorMessage } from '../../../../shared/api/error-messages';
import { Alert } from '../../../../shared/ui/Alert';
import {
  type AnswerPayload,
  type Attempt,
  type AttemptQuestion,
  fetchAttempt,
  type QuestionFeedback,
  saveAnswer,
  type SavedAnswer,
} from '../../api/quiz-api';
import { quizKeys, useSubmitAttempt } from '../../hooks/use-quiz';
import { checkedAnswer, isAnswered, resumePosition, sameAnswer } from '../../quiz/answers';
import {
  AnswerSaver,
  backoffDelayMs,
  clearPendingAnswers,
  localPendingStore,
  type QueuedAnswer,
  type SaveStatus,
} from '../../quiz/autosave';
import {
  crossedAnnouncement,
  formatClock,
  LOW_TIME_SECONDS,
  QuestionClock,
  secondsLeft,
  type TimeAnnouncement,
} from '../../quiz/countdown';
import { type AnswerMode, QuestionCard } from './QuestionCard';
import { ClockIcon, RightIcon, WarningIcon } from './QuizIcons';
import { ReviewScreen } from './ReviewScreen';

type View = { kind: 'question'; index: number } | { kind: 'review' };
type Phase = 'answering' | 'submitting' | 'time_up';

/** Saves still waiting when time is up get this long (the API accepts answers a few seconds late). */
const TIME_UP_FLUSH_MS = 4_000;
/** A learner's own submit waits this long for unsaved answers before saying they are not saved. */
const SUBMIT_FLUSH_MS = 20_000;
/** The server's remaining time replaces the portal's count when they differ by this much. */
const RESYNC_SECONDS = 2;

function withTimeout(promise: Promise<boolean>, ms: number): Promise<boolean> {
  return Promise.race([promise, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

/** Answers to show: the server's, then those this device had not saved yet (restored after a reload). */
function initialState(attempt: Attempt): { answers: Map<string, AnswerPayload>; view: View } {
  const answers = new Map<string, AnswerPayload>();
  for (const question of attempt.questions) if (question.answer) answers.set(question.id, question.answer);
  const open = new Set(
    attempt.questions.filter((question) => !question.locked).map((question) => question.id),
  );
  for (const pending of localPendingStore(attempt.id).load()) {
    if (open.has(pending.questionId)) answers.set(pending.questionId, pending.answer);
  }
  const position = resumePosition(
    attempt.questions.map((question) => question.id),
    answers,
  );
  return {
    answers,
    view: position === 'review' ? { kind: 'review' } : { kind: 'question', index: position },
  };
}

/**
 * Taking an attempt: one question per screen, progress dots, previous/next in a bar at the bottom,
 * the clock and the save state in a bar at the top. Answers are saved as soon as they are given (see
 * AnswerSaver); with feedback after each question, when the learner asks for it, after which the answer
 * is final. Time up submits what was saved.
 */
export function AttemptRunner({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { key: locationKey } = useLocation();
  const submit = useSubmitAttempt(attempt.id);
  const questions = attempt.questions;
  const total = questions.length;
  const afterEach = attempt.feedback === QuizFeedback.AfterEach;

  const [initial] = useState(() => initialState(attempt));
  const [answers, setAnswers] = useState<ReadonlyMap<string, AnswerPayload>>(initial.answers);
  const [view, setView] = useState<View>(initial.view);
  const [feedback, setFeedback] = useState<ReadonlyMap<string, QuestionFeedback>>(
    () =>
      new Map(
        questions.flatMap((question) =>
          question.feedback ? [[question.id, question.feedback] as const] : [],
        ),
      ),
  );
  const [locked, setLocked] = useState<ReadonlySet<string>>(
    () => new Set(questions.filter((question) => question.locked).map((question) => question.id)),
  );
  /** Sent to be marked (feedback after each), no answer from the server yet. */
  const [marking, setMarking] = useState<ReadonlySet<string>>(() => new Set());
  const [justMarked, setJustMarked] = useState<string | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('idle');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [timeLeft, setTimeLeft] = useState<number | null>(attempt.remainingSeconds);
  const [announcement, setAnnouncement] = useState<{ text: string; at: TimeAnnouncement } | null>(null);
  const [phase, setPhase] = useState<Phase>('answering');
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);

  const saver = useRef<AnswerSaver | null>(null);
  const clock = useRef<QuestionClock | null>(null);
  /** The answer last handed to the saver per question, so the same answer is not sent twice. */
  const handedOver = useRef<Map<string, AnswerPayload> | null>(null);
  /** When time is up, by performance.now(); null without a time limit. */
  const deadline = useRef<number | null>(null);
  const previousLeft = useRef<number | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const submitFailures = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const dotsRef = useRef<HTMLOListElement>(null);
  // Focus moves to each new question; on a fresh page load it is left where the browser put it.
  const focusOnView = useRef(locationKey !== 'default');

  const current = view.kind === 'question' ? questions[view.index] : undefined;
  const currentId = current?.id ?? null;

  const questionClock = (): QuestionClock => (clock.current ??= new QuestionClock());
  const handedOverAnswers = (): Map<string, AnswerPayload> =>
    (handedOver.current ??= new Map(initial.answers));

  // ---- Saving -------------------------------------------------------------------------------------

  const resync = (remaining: number | null) => {
    if (remaining === null || deadline.current === null) return;
    const shown = secondsLeft(deadline.current, performance.now());
    if (Math.abs(shown - remaining) >= RESYNC_SECONDS)
      deadline.current = performance.now() + remaining * 1000;
  };

  /** Takes the server's view of the attempt: locked answers and their feedback, or its end. */
  const syncFromServer = async () => {
    const fresh = await fetchAttempt(attempt.id).catch(() => null);
    if (!fresh) return;
    if (fresh.status !== 'in_progress') {
      clearPendingAnswers(attempt.id);
      queryClient.setQueryData(quizKeys.attempt(attempt.id), fresh);
      return;
    }
    setLocked(new Set(fresh.questions.filter((question) => question.locked).map((question) => question.id)));
    setFeedback((previous) => {
      const next = new Map(previous);
      for (const question of fresh.questions) if (question.feedback) next.set(question.id, question.feedback);
      return next;
    });
    setAnswers((previous) => {
      const next = new Map(previous);
      for (const question of fresh.questions) {
        if (question.locked && question.answer) next.set(question.id, question.answer);
      }
      return next;
    });
  };

  const handleSaved = useEffectEvent((entry: QueuedAnswer, result: SavedAnswer) => {
    resync(result.remainingSeconds);
    setRefusal(null);
    const marked = result.feedback;
    if (marked) {
      setFeedback((previous) => new Map(previous).set(entry.questionId, marked));
      setLocked((previous) => new Set(previous).add(entry.questionId));
      setMarking((previous) => withoutItem(previous, entry.questionId));
      setJustMarked(entry.questionId);
    }
  });

  const handleRefused = useEffectEvent((entry: QueuedAnswer, error: ApiError) => {
    handedOverAnswers().delete(entry.questionId);
    setMarking((previous) => withoutItem(previous, entry.questionId));
    if (error.code === ErrorCode.AttemptClosed || error.code === ErrorCode.AnswerLocked) {
      // Finished meanwhile (time up, another device) or already marked: the server knows best.
      void syncFromServer();
      return;
    }
    setRefusal(error);
  });

  useEffect(() => {
    const instance = new AnswerSaver({
      send: (entry) =>
        saveAnswer(attempt.id, entry.questionId, { answer: entry.answer, timeSpentMs: entry.timeSpentMs }),
      store: localPendingStore(attempt.id),
      onStatus: setSaveStatus,
      onSaved: (entry, result) => handleSaved(entry, result),
      onRefused: (entry, error) => handleRefused(entry, error),
    });
    saver.current = instance;
    instance.start();
    const online = () => instance.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      instance.pause();
      if (saver.current === instance) saver.current = null;
    };
  }, [attempt.id]);

  /** Hands an answer to the saver unless it is malformed (the API would refuse it) or unchanged. */
  const queueSave = (question: AttemptQuestion, payload: AnswerPayload): boolean => {
    const checked = checkedAnswer(question.question, payload);
    if (!checked) return false;
    const sent = handedOverAnswers();
    if (sameAnswer(checked, sent.get(question.id))) return false;
    sent.set(question.id, checked);
    saver.current?.set(question.id, checked, questionClock().take(question.id, performance.now()));
    return true;
  };

  const answer = (question: AttemptQuestion, payload: AnswerPayload, mode: AnswerMode) => {
    if (phase !== 'answering' || locked.has(question.id) || marking.has(question.id)) return;
    setAnswers((previous) => new Map(previous).set(question.id, payload));
    // With feedback after each question, saving marks the answer for good: that waits for "Kiểm tra".
    if (mode === 'now' && !afterEach) queueSave(question, payload);
  };

  const mark = (question: AttemptQuestion) => {
    const payload = answers.get(question.id);
    if (!payload || !isAnswered(payload)) return;
    if (queueSave(question, payload) || saver.current?.isPending(question.id)) {
      setMarking((previous) => new Set(previous).add(question.id));
    }
  };

  // ---- Submitting ---------------------------------------------------------------------------------

  const finish = async (reason: 'learner' | 'time_up') => {
    clearTimeout(retryTimer.current);
    setSubmitProblem(null);
    setPhase(reason === 'time_up' ? 'time_up' : 'submitting');
    // Typed text not saved yet (and, when time is up, answers not yet marked) goes first.
    for (const question of questions) {
      const payload = answers.get(question.id);
      if (payload && !locked.has(question.id)) queueSave(question, payload);
    }
    const instance = saver.current;
    const allSaved = instance
      ? await withTimeout(instance.flush(), reason === 'time_up' ? TIME_UP_FLUSH_MS : SUBMIT_FLUSH_MS)
      : true;
    if (!allSaved && reason === 'learner') {
      setPhase('answering');
      setSubmitProblem(t('quiz.review.unsaved'));
      return;
    }
    try {
      await submit.mutateAsync();
      clearPendingAnswers(attempt.id);
    } catch (error) {
      if (reason === 'time_up') {
        // The server closes the attempt by itself; keep asking for the result until it answers.
        submitFailures.current += 1;
        retryTimer.current = setTimeout(() => void finish('time_up'), backoffDelayMs(submitFailures.current));
        return;
      }
      setPhase('answering');
      setSubmitProblem(errorMessage(t, error));
    }
  };

  // ---- The clock ----------------------------------------------------------------------------------

  const tick = useEffectEvent(() => {
    if (deadline.current === null) return;
    const left = secondsLeft(deadline.current, performance.now());
    const crossed = crossedAnnouncement(previousLeft.current, left);
    previousLeft.current = left;
    setTimeLeft(left);
    if (crossed) {
      const text =
        crossed.atSeconds >= 300
          ? t('quiz.attempt.announce.fiveMinutes')
          : crossed.atSeconds >= 60
            ? t('quiz.attempt.announce.oneMinute')
            : t('quiz.attempt.announce.thirtySeconds');
      setAnnouncement({ text, at: crossed });
    }
    if (left === 0 && phase === 'answering') void finish('time_up');
  });

  useEffect(() => {
    if (attempt.remainingSeconds === null) return undefined;
    deadline.current = performance.now() + attempt.remainingSeconds * 1000;
    previousLeft.current = attempt.remainingSeconds;
    const timer = setInterval(() => tick(), 500);
    return () => clearInterval(timer);
  }, [attempt.remainingSeconds]);

  useEffect(() => () => clearTimeout(retryTimer.current), []);

  // ---- Moving between questions -------------------------------------------------------------------

  const showing = useEffectEvent(() => currentId);
  useEffect(() => {
    questionClock().show(currentId, performance.now());
  }, [currentId]);
  useEffect(() => {
    // Time on a question counts only while it is on screen.
    const visibility = () =>
      questionClock().show(document.visibilityState === 'visible' ? showing() : null, performance.now());
    document.addEventListener('visibilitychange', visibility);
    return () => document.removeEventListener('visibilitychange', visibility);
  }, []);

  useEffect(() => {
    if (focusOnView.current) headingRef.current?.focus();
    focusOnView.current = true;
    // Keep the current dot in sight in the scrolling row.
    const list = dotsRef.current;
    const dot = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (list && dot) list.scrollLeft = dot.offsetLeft - (list.clientWidth - dot.offsetWidth) / 2;
  }, [view]);

  useEffect(() => {
    if (justMarked !== null && justMarked === currentId) feedbackRef.current?.focus();
  }, [justMarked, currentId]);

  const go = (next: View) => {
    setRefusal(null);
    setView(next);
  };

  // ---- Rendering ----------------------------------------------------------------------------------

  const answeredCount = questions.filter((question) => isAnswered(answers.get(question.id))).length;
  const closing = phase !== 'answering';
  const low = timeLeft !== null && timeLeft <= LOW_TIME_SECONDS;

  return (
    <div className="quiz-runner">
      <div className="quiz-bar quiz-bar--top">
        <SaveState status={saveStatus} anything={answeredCount > 0} />
        {timeLeft !== null ? (
          <p className={`quiz-timer${low ? ' quiz-timer--low' : ''}`}>
            <ClockIcon />
            <span className="visually-hidden">{t('quiz.attempt.timeLeft')}: </span>
            <span role="timer">{formatClock(timeLeft)}</span>
          </p>
        ) : null}
      </div>

      <nav className="quiz-dots" aria-label={t('quiz.attempt.questionList')}>
        <ol className="quiz-dots__list" ref={dotsRef}>
          {questions.map((question, index) => {
            const done = isAnswered(answers.get(question.id));
            const here = view.kind === 'question' && view.index === index;
            return (
              <li key={question.id}>
                <button
                  type="button"
                  className={`quiz-dot${done ? ' quiz-dot--answered' : ''}`}
                  aria-label={t(done ? 'quiz.attempt.dotAnswered' : 'quiz.attempt.dotUnanswered', {
                    number: index + 1,
                  })}
                  aria-current={here ? 'step' : undefined}
                  onClick={() => go({ kind: 'question', index })}
                >
                  {index + 1}
                </button>
              </li>
            );
          })}
          <li>
            <button
              type="button"
              className="quiz-dot quiz-dot--review"
              aria-current={view.kind === 'review' ? 'step' : undefined}
              onClick={() => go({ kind: 'review' })}
            >
              {t('quiz.attempt.reviewDot')}
            </button>
          </li>
        </ol>
      </nav>

      {phase === 'time_up' ? (
        <Alert tone="warning" role="alert">
          <p>{t('quiz.attempt.timeUp')}</p>
        </Alert>
      ) : null}
      {refusal ? <Alert tone="error">{errorMessage(t, refusal)}</Alert> : null}

      {view.kind === 'question' && current ? (
        <>
          <QuestionCard
            key={current.id}
            question={current}
            number={view.index + 1}
            total={total}
            answer={answers.get(current.id) ?? null}
            disabled={closing || locked.has(current.id) || marking.has(current.id)}
            feedback={feedback.get(current.id) ?? null}
            headingRef={headingRef}
            feedbackRef={feedbackRef}
            onAnswer={(payload, mode) => answer(current, payload, mode)}
          />
          {afterEach && !locked.has(current.id) ? (
            <div className="quiz-mark">
              <button
                type="button"
                className="button button--large"
                disabled={closing || marking.has(current.id) || !isAnswered(answers.get(current.id))}
                onClick={() => mark(current)}
              >
                {marking.has(current.id) ? t('quiz.attempt.marking') : t('quiz.attempt.mark')}
              </button>
              <p className="muted">{t('quiz.attempt.markHint')}</p>
            </div>
          ) : null}
          <div className="quiz-bar quiz-bar--bottom">
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={view.index === 0}
              onClick={() => {
                if (view.index > 0) go({ kind: 'question', index: view.index - 1 });
              }}
            >
              <span aria-hidden="true">←</span>
              {t('quiz.attempt.previous')}
            </button>
            {view.index < total - 1 ? (
              <button
                type="button"
                className="button"
                onClick={() => go({ kind: 'question', index: view.index + 1 })}
              >
                {t('quiz.attempt.next')}
                <span aria-hidden="true">→</span>
              </button>
            ) : (
              <button type="button" className="button" onClick={() => go({ kind: 'review' })}>
                {t('quiz.attempt.toReview')}
              </button>
            )}
          </div>
        </>
      ) : (
        <ReviewScreen
          questions={questions}
          answers={answers}
          headingRef={headingRef}
          submitting={closing}
          submitProblem={submitProblem}
          onOpen={(index) => go({ kind: 'question', index })}
          onSubmit={() => void finish('learner')}
        />
      )}

      {/* Time warnings: 5 and 1 minutes politely, the last 30 seconds interrupting. */}
      <p className="visually-hidden" aria-live="polite">
        {announcement?.at.politeness === 'polite' ? announcement.text : ''}
      </p>
      <p className="visually-hidden" aria-live="assertive">
        {announcement?.at.politeness === 'assertive' ? announcement.text : ''}
      </p>
    </div>
  );
}

/** "Đang lưu…", "Đã lưu" or "Chưa lưu được — sẽ thử lại"; only the trouble is read out. */
function SaveState({ status, anything }: { status: SaveStatus; anything: boolean }) {
  const { t } = useTranslation();
  const shown = status === 'idle' ? (anything ? 'saved' : null) : status;
  return (
    <>
      <p className={`quiz-save${shown ? ` quiz-save--${shown}` : ''}`}>
        {shown === 'saved' ? <RightIcon className="quiz-icon quiz-icon--small" /> : null}
        {shown === 'saving' ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
        {shown === 'retrying' ? <WarningIcon className="quiz-icon quiz-icon--small" /> : null}
        {shown ? t(`quiz.attempt.save.${shown}`) : ''}
      </p>
      <p className="visually-hidden" role="status">
        {status === 'retrying' ? t('quiz.attempt.save.retrying') : ''}
      </p>
    </>
  );
}

function withoutItem(set: ReadonlySet<string>, item: string): ReadonlySet<string> {
  if (!set.has(item)) return set;
  const next = new Set(set);
  next.delete(item);
  return next;
}
