import '../../../shared/courses/course-ui.css';

import { useTranslation } from 'react-i18next';

interface ProgressBarProps {
  percent: number;
  /** Lessons done and in all, as the API counts them; without them only the percentage is told. */
  counts?: { completed: number; total: number };
  /** Names the bar for screen readers, e.g. the course title. */
  label: string;
}

/** Progress through a course: a bar (role=progressbar) and the same in words. */
export function ProgressBar({ percent, counts, label }: ProgressBarProps) {
  const { t } = useTranslation();
  const value = Math.min(100, Math.max(0, Math.round(percent)));
  const text = counts
    ? t('learning.progressText', { completed: counts.completed, total: counts.total, percent: value })
    : t('learning.progressPercent', { percent: value });
  return (
    <div className="progress">
      <div
        className="progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={{ width: `${value}%` }} />
      </div>
      <p className="progress__text" aria-hidden="true">
        {text}
      </p>
    </div>
  );
}
