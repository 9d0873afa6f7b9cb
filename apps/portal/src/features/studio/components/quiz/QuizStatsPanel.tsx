import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../../shared/courses/use-localized';
import { formatNumber } from '../../../../shared/format';
import { LoadFailedAlert } from '../../../../shared/ui/LoadFailedAlert';
import { Loading } from '../../../../shared/ui/Loading';
import { ScrollTable } from '../../../../shared/ui/ScrollTable';
import type { QuestionStat, QuizStats } from '../../api/quiz-api';
import { useQuizStats } from '../../hooks/use-quiz';
import {
  bucketRange,
  chartSeries,
  distributionSummary,
  EASY_ABOVE_PERCENT,
  HARD_BELOW_PERCENT,
  hardestFirst,
  passRate,
  questionFlag,
} from './quiz-stats';

// Chart.js has a chunk of its own, fetched only when a quiz with attempts shows its statistics.
const ScoreChart = lazy(() => import('./ScoreChart').then((module) => ({ default: module.ScoreChart })));

/** Item statistics of a quiz lesson: totals, the score distribution, and each question hardest first. */
export function QuizStatsPanel({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation();
  const { data, error, isPending, isFetching, refetch } = useQuizStats(lessonId);

  if (isPending) return <Loading />;
  if (!data) {
    return <LoadFailedAlert error={error} onRetry={() => void refetch()} />;
  }
  return (
    <>
      <p className="field__hint">{t('studioQuiz.stats.lead')}</p>
      {data.attempts === 0 ? (
        <p className="quiz-empty">{t('studioQuiz.stats.empty')}</p>
      ) : (
        <>
          <Totals stats={data} />
          <Distribution stats={data} />
          <Questions questions={data.questions} />
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={isFetching ? true : undefined}
          onClick={() => {
            if (!isFetching) void refetch();
          }}
        >
          {isFetching ? t('common.loading') : t('studioQuiz.stats.refresh')}
        </button>
      </div>
    </>
  );
}

function usePercent() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (value: number | null) =>
    value === null
      ? t('studioQuiz.stats.none')
      : t('studioQuiz.stats.percent', { value: formatNumber(value, language) });
}

function Totals({ stats }: { stats: QuizStats }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const percent = usePercent();
  const figures = [
    { key: 'attempts', label: t('studioQuiz.stats.attempts'), value: formatNumber(stats.attempts, language) },
    { key: 'learners', label: t('studioQuiz.stats.learners'), value: formatNumber(stats.learners, language) },
    { key: 'passRate', label: t('studioQuiz.stats.passRate'), value: percent(passRate(stats)) },
    { key: 'average', label: t('studioQuiz.stats.average'), value: percent(stats.averagePercent) },
  ];
  return (
    <dl className="quiz-totals">
      {figures.map((figure) => (
        <div key={figure.key} className="quiz-totals__item" data-figure={figure.key}>
          <dt className="quiz-totals__label">{figure.label}</dt>
          <dd className="quiz-totals__value">{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Distribution({ stats }: { stats: QuizStats }) {
  const { t } = useTranslation();
  const { labels, counts } = useMemo(() => chartSeries(stats.distribution), [stats.distribution]);
  const summary = distributionSummary(stats.distribution);
  const ranges = summary.peaks.map((peak) => t('studioQuiz.stats.rangeText', peak)).join(', ');
  const summaryId = 'quiz-distribution-summary';
  return (
    <section className="quiz-stats__part" aria-labelledby="quiz-distribution-title">
      <h3 id="quiz-distribution-title">{t('studioQuiz.stats.distribution')}</h3>
      <p id={summaryId}>
        {summary.total === 1
          ? t('studioQuiz.stats.summarySingle', { range: ranges })
          : t('studioQuiz.stats.summary', {
              count: summary.total,
              ranges,
              peak: summary.peaks[0]?.count ?? 0,
            })}
      </p>
      <Suspense
        fallback={
          <div className="score-chart score-chart--loading">
            <Loading />
          </div>
        }
      >
        <ScoreChart
          labels={labels}
          counts={counts}
          label={t('studioQuiz.stats.chartLabel')}
          describedBy={summaryId}
          xTitle={t('studioQuiz.stats.axisScore')}
          yTitle={t('studioQuiz.stats.axisAttempts')}
        />
      </Suspense>
      {/* The chart's numbers for screen readers (the canvas itself is only an image). */}
      <table className="visually-hidden">
        <caption>{t('studioQuiz.stats.chartLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('studioQuiz.stats.range')}</th>
            <th scope="col">{t('studioQuiz.stats.count')}</th>
          </tr>
        </thead>
        <tbody>
          {[...stats.distribution]
            .sort((a, b) => a.from - b.from)
            .map((bucket) => (
              <tr key={bucket.from}>
                <th scope="row">{t('studioQuiz.stats.rangeText', bucketRange(bucket))}</th>
                <td>{bucket.count}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}

function Questions({ questions }: { questions: QuestionStat[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const localized = useLocalized();
  const percent = usePercent();
  const rows = useMemo(() => hardestFirst(questions), [questions]);
  if (rows.length === 0) return null;
  return (
    // The table is the region (named by this heading); the section needs no name of its own.
    <section className="quiz-stats__part quiz-questions">
      <h3 id="quiz-questions-title">{t('studioQuiz.stats.questions')}</h3>
      <p className="field__hint">
        {t('studioQuiz.stats.questionsHint', { hard: HARD_BELOW_PERCENT, easy: EASY_ABOVE_PERCENT })}
      </p>
      <ScrollTable labelledBy="quiz-questions-title">
        <thead>
          <tr>
            {/* What matters most (share correct, flag) comes first: a phone shows it without scrolling. */}
            <th scope="col">{t('studioQuiz.stats.question')}</th>
            <th scope="col" className="num">
              {t('studioQuiz.stats.correct')}
            </th>
            <th scope="col">{t('studioQuiz.stats.flag')}</th>
            <th scope="col" className="num">
              {t('studioQuiz.stats.drawn')}
            </th>
            <th scope="col" className="num">
              {t('studioQuiz.stats.time')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((question) => {
            const text = question.text ? localized.pick(question.text) : null;
            const flag = questionFlag(question.correctPercent);
            return (
              <tr key={question.questionId} className={flag ? `quiz-question--${flag}` : undefined}>
                <th scope="row" className="break quiz-question__text">
                  {text ? (
                    <span lang={text.lang}>{text.text}</span>
                  ) : (
                    <span className="muted">{t('studioQuiz.stats.deleted')}</span>
                  )}
                </th>
                <td className="num">{percent(question.correctPercent)}</td>
                <td>
                  {flag ? (
                    <span className={`badge quiz-flag quiz-flag--${flag}`}>
                      {t(`studioQuiz.stats.${flag}`)}
                    </span>
                  ) : null}
                </td>
                <td className="num">{formatNumber(question.attempts, language)}</td>
                <td className="num nowrap">
                  {question.averageSeconds === null
                    ? t('studioQuiz.stats.none')
                    : t('studioQuiz.stats.seconds', {
                        value: formatNumber(question.averageSeconds, language),
                      })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </section>
  );
}
