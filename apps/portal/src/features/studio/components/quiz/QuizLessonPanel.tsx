import './quiz.css';

import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { Alert } from '../../../../shared/ui/Alert';
import type { QuestionBank } from '../../api/quiz-api';
import type { StudioLesson } from '../../api/studio-api';
import { useQuestionBank } from '../../hooks/use-studio';
import { questionBankPath } from '../questions/question-bank-path';
import { quizReadiness } from './quiz-form';
import { readinessMessage } from './quiz-messages';
import { QuizSettingsForm } from './QuizSettingsForm';
import { QuizStatsPanel } from './QuizStatsPanel';

const TABS = ['settings', 'stats'] as const;
type Tab = (typeof TABS)[number];
/** `?tab=stats` opens the statistics (a link can point there). */
const TAB_PARAM = 'tab';

/**
 * A quiz lesson in the studio: why it cannot be published yet (if so), and two tabs, its settings and
 * its item statistics. Both stay mounted once opened, so switching keeps unsaved settings; the
 * statistics (and Chart.js) load the first time their tab is shown.
 */
export function QuizLessonPanel({ lesson }: { lesson: StudioLesson }) {
  const { t } = useTranslation();
  const bank = useQuestionBank(lesson.courseId);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get(TAB_PARAM) === 'stats' ? 'stats' : 'settings';
  const [statsOpened, setStatsOpened] = useState(tab === 'stats');
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const select = (next: Tab, focus = false) => {
    if (next === 'stats') setStatsOpened(true);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'stats') updated.set(TAB_PARAM, 'stats');
        else updated.delete(TAB_PARAM);
        return updated;
      },
      { replace: true },
    );
    if (focus) tabRefs.current[next]?.focus();
  };

  // The tabs pattern: arrows move between tabs (and show them), Home and End go to the ends.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    const target =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    select(target, true);
  };

  return (
    <section className="editor-section quiz-panel" aria-labelledby="quiz-panel-title">
      <h2 id="quiz-panel-title">{t('studioQuiz.tabs.label')}</h2>
      <QuizProblemWarning lesson={lesson} bank={bank.data} />
      <div className="tabs" role="tablist" aria-labelledby="quiz-panel-title">
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`quiz-tab-${name}`}
            className="tabs__tab"
            aria-selected={tab === name}
            aria-controls={`quiz-tabpanel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={onKeyDown}
          >
            {name === 'settings' ? t('studioQuiz.tabs.settings') : t('studioQuiz.tabs.stats')}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="quiz-tabpanel-settings"
        aria-labelledby="quiz-tab-settings"
        className="tabs__panel"
        hidden={tab !== 'settings'}
      >
        <QuizSettingsForm lesson={lesson} bank={bank.data} bankFailed={bank.isError} />
      </div>
      <div
        role="tabpanel"
        id="quiz-tabpanel-stats"
        aria-labelledby="quiz-tab-stats"
        className="tabs__panel"
        hidden={tab !== 'stats'}
      >
        {statsOpened || tab === 'stats' ? <QuizStatsPanel lessonId={lesson.id} /> : null}
      </div>
    </section>
  );
}

/**
 * Why the quiz cannot be published yet. The API says so in `quizProblem` (in English) when the lesson
 * is saved; the same check is made here against the bank as it is now (it may have changed since), so
 * the reason is put into words and stays current. The API's sentence is shown when the two disagree.
 */
function QuizProblemWarning({ lesson, bank }: { lesson: StudioLesson; bank: QuestionBank | undefined }) {
  const { t } = useTranslation();
  const readiness = bank ? quizReadiness(lesson.quiz?.pools ?? null, bank.items) : null;
  const message = readiness ? readinessMessage(t, readiness) : null;
  if (message === null && lesson.quizProblem === null) return null;
  return (
    <Alert tone="warning" title={t('studioQuiz.problem.title')} role="none">
      {message ? <p>{message}</p> : <p lang="en">{lesson.quizProblem}</p>}
      {readiness?.kind === 'notSet' ? null : <p>{t('studioQuiz.problem.fix')}</p>}
      <p>
        <Link to={questionBankPath(lesson.courseId)}>{t('studioQuiz.problem.openBank')}</Link>
      </p>
    </Alert>
  );
}
