import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { StudioQuestion } from '../../api/studio-api';
import { filterQuestions, tagCounts } from './question-form';
import { QuestionCard } from './QuestionCard';

interface QuestionListProps {
  questions: readonly StudioQuestion[];
  /** Every tag in use in the course (from the API, sorted). */
  tags: readonly string[];
  courseId: string;
  editingId: string | null;
  onEdit: (question: StudioQuestion, openerId: string) => void;
  onDeleted: () => void;
}

/** The bank's questions, narrowed by a tag chip and a search box (both here, without a round trip). */
export function QuestionList({ questions, tags, courseId, editingId, onEdit, onDeleted }: QuestionListProps) {
  const { t } = useTranslation();
  const [tag, setTag] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const chipsLabel = useId();
  // A tag whose last question was deleted or edited away is no longer offered: show everything then.
  const activeTag = tag !== null && tags.includes(tag) ? tag : null;
  const shown = useMemo(() => filterQuestions(questions, activeTag, search), [questions, activeTag, search]);
  const counts = useMemo(() => tagCounts(questions, tags), [questions, tags]);

  if (questions.length === 0) return <p className="outline-empty">{t('studio.questions.empty')}</p>;

  const chip = (value: string | null, label: string, count: number) => (
    <li key={value ?? ''}>
      <button type="button" className="chip" aria-pressed={activeTag === value} onClick={() => setTag(value)}>
        <span>{label}</span> <span className="chip__count">{count}</span>
      </button>
    </li>
  );

  return (
    <>
      <div className="filters question-filters">
        <div className="field">
          <label className="field__label" htmlFor="question-search">
            {t('studio.questions.search')}
          </label>
          <p className="field__hint" id="question-search-hint">
            {t('studio.questions.searchHint')}
          </p>
          <input
            id="question-search"
            type="search"
            className="input"
            value={search}
            autoComplete="off"
            aria-describedby="question-search-hint"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        {tags.length > 0 ? (
          <div className="field question-filters__tags">
            <p className="field__label" id={chipsLabel}>
              {t('studio.questions.tagFilter')}
            </p>
            <ul className="chips" aria-labelledby={chipsLabel}>
              {chip(null, t('studio.questions.allTags'), questions.length)}
              {counts.map(({ tag: value, count }) => chip(value, value, count))}
            </ul>
          </div>
        ) : null}
      </div>
      <p role="status" className="muted question-filters__result">
        {shown.length === questions.length
          ? t('studio.questions.count', { count: questions.length })
          : t('studio.questions.showing', { shown: shown.length, total: questions.length })}
      </p>
      {shown.length === 0 ? (
        <p className="outline-empty">{t('studio.questions.noMatch')}</p>
      ) : (
        <ul className="question-list">
          {shown.map((question) => (
            <QuestionCard
              key={question.id}
              question={question}
              courseId={courseId}
              editing={question.id === editingId}
              onEdit={onEdit}
              onDeleted={onDeleted}
            />
          ))}
        </ul>
      )}
    </>
  );
}
