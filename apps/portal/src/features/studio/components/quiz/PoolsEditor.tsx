import { QUIZ_MAX_POOLS } from '@hocvu/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { FieldErrorText, SelectField, TextField } from '../../../../shared/forms';
import { describedBy } from '../../../../shared/forms/field-ids';
import { questionBankPath } from '../questions/question-bank-path';
import {
  type PoolAvailability,
  poolAvailability,
  poolCountField,
  type PoolRow,
  poolRow,
  poolTagField,
  tagChoices,
  totalQuestions,
} from './quiz-form';
import { QUIZ_FIELD_IDS } from './quiz-messages';

interface PoolsEditorProps {
  courseId: string;
  pools: PoolRow[];
  onPoolsChange: (pools: PoolRow[], changedFields: string[]) => void;
  /** The bank's tags and how many questions carry each; null while unknown (loading or failed). */
  bank: { tags: readonly string[]; counts: ReadonlyMap<string, number> } | null;
  bankFailed: boolean;
  /** A problem of the pools as a whole (none, too many questions…), and the one of each control. */
  error: string | undefined;
  errorFor: (field: string) => string | undefined;
  /** Pools that share questions and together need more than the bank has (in words), if so. */
  sharedWarning: string | null;
}

/**
 * The quiz's pools, one row each: a tag of the bank (with how many questions carry it) and how many
 * questions to draw; the number available is said under each row, as a warning when it is too few.
 */
export function PoolsEditor({
  courseId,
  pools,
  onPoolsChange,
  bank,
  bankFailed,
  error,
  errorFor,
  sharedWarning,
}: PoolsEditorProps) {
  const { t } = useTranslation();
  // After adding or removing a row the keyboard focus goes to a row's tag (it is not left on nothing).
  const focusNext = useRef<string | null>(null);
  const choices = tagChoices(bank?.tags ?? [], pools);
  const availability = bank ? poolAvailability(pools, bank.counts) : new Map<string, PoolAvailability>();
  const total = totalQuestions(pools);
  const full = pools.length >= QUIZ_MAX_POOLS;

  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  });

  const change = (key: string, patch: Partial<PoolRow>) =>
    onPoolsChange(
      pools.map((pool) => (pool.key === key ? { ...pool, ...patch } : pool)),
      'tag' in patch ? [poolTagField(key)] : [poolCountField(key)],
    );

  const add = () => {
    if (full) return;
    const row = poolRow();
    onPoolsChange([...pools, row], []);
    focusNext.current = poolTagField(row.key);
  };

  const remove = (index: number) => {
    const removed = pools[index];
    if (!removed) return;
    const rest = pools.filter((pool) => pool.key !== removed.key);
    onPoolsChange(rest, [poolTagField(removed.key), poolCountField(removed.key)]);
    const neighbour = rest[Math.max(0, index - 1)];
    focusNext.current = neighbour ? poolTagField(neighbour.key) : QUIZ_FIELD_IDS.addPool;
  };

  return (
    <fieldset
      id={QUIZ_FIELD_IDS.pools}
      className={`field fieldset quiz-pools${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(QUIZ_FIELD_IDS.pools, { hint: true, error: Boolean(error) })}
    >
      <legend className="field__label">{t('studioQuiz.pools.legend')}</legend>
      <p className="field__hint" id={`${QUIZ_FIELD_IDS.pools}-hint`}>
        {t('studioQuiz.pools.hint')}
      </p>
      {error ? <FieldErrorText id={QUIZ_FIELD_IDS.pools} message={error} /> : null}
      {bankFailed ? <p className="quiz-warning">{t('studioQuiz.pools.bankLoadFailed')}</p> : null}
      {bank && bank.tags.length === 0 ? (
        <p className="quiz-warning">
          {t('studioQuiz.pools.noTags')}{' '}
          <Link to={questionBankPath(courseId)}>{t('studioQuiz.pools.openBank')}</Link>
        </p>
      ) : null}
      <ol className="quiz-pools__list">
        {pools.map((pool, index) => {
          const number = index + 1;
          const tagId = poolTagField(pool.key);
          const countId = poolCountField(pool.key);
          const check = availability.get(pool.key);
          const noteId = `${countId}-available`;
          return (
            <li key={pool.key} className="quiz-pool">
              <fieldset className="fieldset quiz-pool__fields">
                <legend className="quiz-pool__legend">{t('studioQuiz.pools.pool', { number })}</legend>
                <div className="quiz-pool__row">
                  <div className="quiz-pool__tag">
                    <SelectField
                      id={tagId}
                      label={t('studioQuiz.pools.tag')}
                      value={pool.tag}
                      onValueChange={(tag) => change(pool.key, { tag })}
                      error={errorFor(tagId)}
                    >
                      <option value="">{t('studioQuiz.pools.chooseTag')}</option>
                      {choices.map((tag) => (
                        <option key={tag} value={tag}>
                          {bank
                            ? t('studioQuiz.pools.tagOption', { tag, count: bank.counts.get(tag) ?? 0 })
                            : tag}
                        </option>
                      ))}
                    </SelectField>
                  </div>
                  <div className="quiz-pool__count">
                    <TextField
                      id={countId}
                      label={t('studioQuiz.pools.count')}
                      value={pool.count}
                      onValueChange={(count) => change(pool.key, { count: count.replace(/\D/g, '') })}
                      error={errorFor(countId)}
                      describedById={check ? noteId : undefined}
                      type="text"
                      inputMode="numeric"
                      pattern="[0-9]*"
                      maxLength={3}
                      autoComplete="off"
                      className="input--short"
                    />
                  </div>
                </div>
                {check ? (
                  <p id={noteId} className={check.short ? 'quiz-warning' : 'field__hint'}>
                    {check.short
                      ? t('studioQuiz.pools.short', { need: check.need, have: check.have, tag: pool.tag })
                      : t('studioQuiz.pools.available', { have: check.have, tag: pool.tag })}
                  </p>
                ) : null}
                {pools.length > 1 ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => remove(index)}
                  >
                    {t('studioQuiz.pools.remove', { number })}
                  </button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {sharedWarning ? <p className="quiz-warning">{sharedWarning}</p> : null}
      <p className="quiz-pools__total" aria-live="polite">
        {t('studioQuiz.pools.total', { count: total })}
      </p>
      <div className="actions quiz-pools__actions">
        {/* aria-disabled, not disabled: the button keeps the focus and says why it does nothing. */}
        <button
          type="button"
          id={QUIZ_FIELD_IDS.addPool}
          className="button button--secondary"
          aria-disabled={full ? true : undefined}
          aria-describedby={full ? `${QUIZ_FIELD_IDS.addPool}-full` : undefined}
          onClick={add}
        >
          {t('studioQuiz.pools.add')}
        </button>
        {full ? (
          <p className="field__hint" id={`${QUIZ_FIELD_IDS.addPool}-full`}>
            {t('studioQuiz.pools.maxReached', { max: QUIZ_MAX_POOLS })}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
