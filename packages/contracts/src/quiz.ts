/** Quiz vocabulary shared by the API, the worker and the portal. */

/** When a learner sees whether an answer was right, the correct answer and the explanation. */
export const QuizFeedback = {
  /** Right after answering each question; the answer is then final. */
  AfterEach: 'after_each',
  /** On the results page, once the attempt is submitted. */
  AfterSubmit: 'after_submit',
  /** Never: the results page shows the score and pass/fail only. */
  Never: 'never',
} as const;
export type QuizFeedback = (typeof QuizFeedback)[keyof typeof QuizFeedback];

/** Where an attempt is in its life. */
export const AttemptStatus = {
  InProgress: 'in_progress',
  /** The learner submitted it. */
  Submitted: 'submitted',
  /** Its time ran out; the server submitted what had been saved by the deadline. */
  TimedOut: 'timed_out',
} as const;
export type AttemptStatus = (typeof AttemptStatus)[keyof typeof AttemptStatus];

/** One pool of a quiz: draw `count` questions among the bank's questions tagged `tag`. */
export interface QuizPool {
  tag: string;
  count: number;
}

/** A quiz lesson's settings (frozen into each published version, and into each attempt). */
export interface QuizSettings {
  pools: QuizPool[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** null: no time limit. */
  timeLimitMinutes: number | null;
  /** null: unlimited. */
  attemptsAllowed: number | null;
  /** Minutes to wait after an attempt before the next one; 0: none. */
  cooldownMinutes: number;
  /** 0–100. */
  passingPercent: number;
  feedback: QuizFeedback;
}

export const QUIZ_MAX_POOLS = 10;
export const QUIZ_MAX_QUESTIONS = 100;
export const QUIZ_MAX_TIME_LIMIT_MINUTES = 300;
export const QUIZ_MAX_ATTEMPTS = 100;
export const QUIZ_MAX_COOLDOWN_MINUTES = 7 * 24 * 60;
/** Answers arriving this long after the deadline still count (the learner pressed in time; the network did not). */
export const ATTEMPT_DEADLINE_GRACE_SECONDS = 5;

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  pools: [],
  shuffleQuestions: true,
  shuffleOptions: true,
  timeLimitMinutes: null,
  attemptsAllowed: null,
  cooldownMinutes: 0,
  passingPercent: 70,
  feedback: QuizFeedback.AfterSubmit,
};
