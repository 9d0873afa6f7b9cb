import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { paths } from '../../../app/paths';
import { isApiError } from '../../../shared/api/api-error';
import { useLocalized } from '../../../shared/courses/use-localized';
import { todayInVietnam } from '../../../shared/format';
import {
  ErrorSummary,
  FieldErrorText,
  FormError,
  SelectField,
  type SummaryItem,
  TextAreaField,
  TextField,
} from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Page } from '../../../shared/ui/Page';
import {
  type LearnerLineProblem,
  learnerProblemsFromError,
  MAX_BATCH_LEARNERS,
  parseLearnerLines,
} from '../batch-learners';
import { usePrepareBatch, useSkillProgrammes } from '../hooks/use-certificates-admin';
import { AdminNav } from './AdminNav';

const TITLE_MIN = 3;
const TITLE_MAX = 200;
const REASON_MIN = 5;
const REASON_MAX = 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Field = 'skillProgrammeId' | 'title' | 'reason' | 'assessedOn' | 'learners';
const FIELD_ORDER: readonly Field[] = ['skillProgrammeId', 'title', 'reason', 'assessedOn', 'learners'];

interface Values {
  skillProgrammeId: string;
  title: string;
  reason: string;
  assessedOn: string;
  learners: string;
}

/** What the flash on the batch page says after preparing. */
export interface BatchFlash {
  flash?: 'prepared';
}

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** /admin/certificate-batches/new — "Lập danh sách": who passed an in-person skills assessment. */
export function NewBatchPage() {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const navigate = useNavigate();
  const programmes = useSkillProgrammes();
  const prepare = usePrepareBatch();
  const [today] = useState(todayInVietnam);
  const [values, setValues] = useState<Values>({
    skillProgrammeId: '',
    title: '',
    reason: '',
    assessedOn: today,
    learners: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [lineProblems, setLineProblems] = useState<LearnerLineProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const entered = parseLearnerLines(values.learners).learners.length;

  const edit = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _removed, ...rest } = current;
      return rest;
    });
    if (field === 'learners') setLineProblems([]);
  };

  const lineMessage = (problem: LearnerLineProblem) =>
    t('admin.newBatch.line', {
      line: problem.line,
      value: problem.value,
      problem: t(`admin.newBatch.problems.${problem.problem}`),
    });

  const showProblems = (next: Partial<Record<Field, string>>, lines: LearnerLineProblem[] = []) => {
    setErrors(next);
    setLineProblems(lines);
    setAttempt((count) => count + 1);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = values.title.trim();
    const reason = values.reason.trim();
    const parsed = parseLearnerLines(values.learners);
    const found: Partial<Record<Field, string>> = {};
    if (!values.skillProgrammeId) found.skillProgrammeId = t('admin.newBatch.programmeRequired');
    if (title.length < TITLE_MIN || title.length > TITLE_MAX)
      found.title = t('admin.newBatch.titleLength', { min: TITLE_MIN, max: TITLE_MAX });
    if (reason.length < REASON_MIN || reason.length > REASON_MAX)
      found.reason = t('admin.newBatch.reasonLength', { min: REASON_MIN, max: REASON_MAX });
    if (!isCalendarDate(values.assessedOn)) found.assessedOn = t('admin.newBatch.dateInvalid');
    else if (values.assessedOn > today) found.assessedOn = t('admin.newBatch.dateFuture');
    if (parsed.learners.length === 0) found.learners = t('admin.newBatch.learnersRequired');
    else if (parsed.learners.length > MAX_BATCH_LEARNERS)
      found.learners = t('admin.newBatch.learnersTooMany', { max: MAX_BATCH_LEARNERS });
    else if (parsed.problems.length > 0)
      found.learners = t('admin.newBatch.learnersProblems', { count: parsed.problems.length });
    if (Object.keys(found).length > 0) {
      showProblems(found, parsed.problems);
      return;
    }
    showProblems({});
    prepare.mutate(
      {
        skillProgrammeId: values.skillProgrammeId,
        title,
        reason,
        assessedOn: values.assessedOn,
        learners: parsed.learners,
      },
      {
        onSuccess: (batch) => {
          const state: BatchFlash = { flash: 'prepared' };
          void navigate(paths.adminBatch(batch.id), { state });
        },
        onError: (error) => {
          const refused = learnerProblemsFromError(error, parsed.lines);
          if (refused) {
            showProblems(
              { learners: t('admin.newBatch.learnersProblems', { count: refused.length }) },
              refused,
            );
            return;
          }
          if (isApiError(error) && error.fieldErrors.length > 0) {
            const fromApi: Partial<Record<Field, string>> = {};
            for (const { field } of error.fieldErrors) {
              const name = FIELD_ORDER.find((candidate) => field.split('.')[0] === candidate);
              if (name) fromApi[name] = t('validation.invalid');
            }
            showProblems(fromApi);
          }
        },
      },
    );
  };

  const summary: SummaryItem[] = FIELD_ORDER.filter((field) => errors[field]).map((field) => ({
    targetId: field,
    message: errors[field] ?? '',
  }));
  // Shown at the learner box instead (or as field messages): not repeated as a form-level alert.
  const formError = prepare.error && !learnerProblemsFromError(prepare.error, []) ? prepare.error : null;

  return (
    <Page title={t('admin.newBatch.title')} lead={t('admin.newBatch.lead')}>
      <AdminNav />
      <ErrorSummary items={summary} attempt={attempt} />
      <FormError error={formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id="skillProgrammeId"
          label={t('admin.newBatch.programme')}
          value={values.skillProgrammeId}
          onValueChange={(value) => edit('skillProgrammeId', value)}
          error={errors.skillProgrammeId}
          disabled={programmes.isPending}
          aria-busy={programmes.isPending ? true : undefined}
        >
          <option value="">
            {programmes.isPending ? t('common.loading') : t('admin.newBatch.programmeChoose')}
          </option>
          {(programmes.data?.items ?? []).map((programme) => (
            <option key={programme.id} value={programme.id}>
              {text(programme.title)}
            </option>
          ))}
        </SelectField>
        {programmes.isError ? (
          <Alert tone="error" role="none">
            {t('errors.UNKNOWN')}{' '}
            <button type="button" className="button button--link" onClick={() => void programmes.refetch()}>
              {t('common.retry')}
            </button>
          </Alert>
        ) : null}
        <TextField
          id="title"
          label={t('admin.newBatch.batchTitle')}
          hint={t('admin.newBatch.batchTitleHint')}
          value={values.title}
          onValueChange={(value) => edit('title', value)}
          error={errors.title}
          maxLength={TITLE_MAX}
          autoComplete="off"
        />
        <TextAreaField
          id="reason"
          label={t('admin.newBatch.reason')}
          hint={t('admin.newBatch.reasonHint')}
          value={values.reason}
          onValueChange={(value) => edit('reason', value)}
          error={errors.reason}
          maxLength={REASON_MAX}
          rows={3}
        />
        <TextField
          id="assessedOn"
          type="date"
          label={t('admin.newBatch.assessedOn')}
          hint={t('admin.newBatch.assessedOnHint')}
          value={values.assessedOn}
          onValueChange={(value) => edit('assessedOn', value)}
          error={errors.assessedOn}
          max={today}
        />
        <div className={`field${errors.learners ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="learners">
            {t('admin.newBatch.learners')}
          </label>
          <p className="field__hint" id="learners-hint">
            {t('admin.newBatch.learnersHint')}
          </p>
          {errors.learners ? <FieldErrorText id="learners" message={errors.learners} /> : null}
          {lineProblems.length > 0 ? (
            <ul className="line-problems" id="learners-lines">
              {lineProblems.map((problem) => (
                <li key={`${problem.line}-${problem.problem}`}>{lineMessage(problem)}</li>
              ))}
            </ul>
          ) : null}
          <textarea
            id="learners"
            name="learners"
            className="input textarea"
            rows={8}
            value={values.learners}
            onChange={(event) => edit('learners', event.target.value)}
            required
            aria-invalid={errors.learners ? true : undefined}
            aria-describedby={[
              'learners-hint',
              errors.learners ? 'learners-error' : '',
              lineProblems.length > 0 ? 'learners-lines' : '',
              'learners-count',
            ]
              .filter(Boolean)
              .join(' ')}
            autoComplete="off"
            spellCheck={false}
          />
          <p className="field__count" id="learners-count">
            {t('admin.newBatch.learnersCount', { count: entered })}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={prepare.isPending}>
            {prepare.isPending ? t('admin.newBatch.submitting') : t('admin.newBatch.submit')}
          </button>
          <Link className="button button--secondary" to={paths.adminBatches}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
