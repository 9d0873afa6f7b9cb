import './questions.css';

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { paths } from '../../../../app/paths';
import { errorMessage } from '../../../../shared/api/error-messages';
import { useLocalized } from '../../../../shared/courses/use-localized';
import { Alert } from '../../../../shared/ui/Alert';
import { LoadFailedPage } from '../../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../../shared/ui/Loading';
import { Page } from '../../../../shared/ui/Page';
import type { StudioCourse, StudioQuestion } from '../../api/studio-api';
import { useQuestionBank, useStudioCourse } from '../../hooks/use-studio';
import { QuestionEditor } from './QuestionEditor';
import { QuestionImportPanel } from './QuestionImportPanel';
import { QuestionList } from './QuestionList';

export function QuestionBankPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const { data: course, error, isPending, refetch } = useStudioCourse(courseId);

  if (isPending) return <Loading />;
  if (!course) {
    return (
      <LoadFailedPage
        title={t('studio.questions.title')}
        error={error}
        onRetry={() => void refetch()}
        back={{ to: paths.studio, label: t('studio.backToStudio') }}
      />
    );
  }
  return <QuestionBank key={course.id} course={course} />;
}

/** What the editor panel shows: nothing, a new question, or a question of the bank. */
type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; question: StudioQuestion };

function QuestionBank({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const bank = useQuestionBank(course.id);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [status, setStatus] = useState('');
  // Where the keyboard goes back to when the editor closes: the button that opened it.
  const returnFocusTo = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const title = localized.pick(course.title);

  useEffect(() => {
    if (focusRequest === 0 || !returnFocusTo.current) return;
    document.getElementById(returnFocusTo.current)?.focus();
  }, [focusRequest]);

  const open = (next: Editing, openerId: string) => {
    returnFocusTo.current = openerId;
    setStatus('');
    setEditing(next);
  };

  const close = (message?: string) => {
    setEditing({ mode: 'closed' });
    if (message) setStatus(message);
    setFocusRequest((count) => count + 1);
  };

  return (
    <Page
      title={`${t('studio.questions.title')} – ${title.text}`}
      heading={t('studio.questions.title')}
      lead={
        <>
          {t('studio.questions.leadCourse')} <strong lang={title.lang}>{title.text}</strong>.{' '}
          {t('studio.questions.lead')}
        </>
      }
    >
      <p>
        <Link to={paths.studioCourse(course.id)}>{t('studio.questions.backToCourse')}</Link>
      </p>

      <div role="status" className="question-bank__status">
        {status ? (
          <Alert tone="success" role="none">
            {status}
          </Alert>
        ) : null}
      </div>

      {editing.mode === 'closed' ? (
        <div className="actions">
          <button
            id="question-add"
            type="button"
            className="button button--icon"
            onClick={() => open({ mode: 'new' }, 'question-add')}
          >
            <span aria-hidden="true">+</span> {t('studio.questions.add')}
          </button>
        </div>
      ) : (
        <QuestionEditor
          key={editing.mode === 'edit' ? editing.question.id : 'new'}
          courseId={course.id}
          question={editing.mode === 'edit' ? editing.question : null}
          knownTags={bank.data?.tags ?? []}
          onDone={(message) => close(message)}
          onCancel={() => close()}
        />
      )}

      <QuestionImportPanel courseId={course.id} />

      <section className="editor-section" aria-labelledby="question-list-title">
        <h2 id="question-list-title" tabIndex={-1}>
          {t('studio.questions.listTitle')}
          {bank.data ? <span className="question-bank__count"> ({bank.data.items.length})</span> : null}
        </h2>
        {bank.error ? <Alert tone="error">{errorMessage(t, bank.error)}</Alert> : null}
        {bank.isPending ? <Loading /> : null}
        {bank.data ? (
          <QuestionList
            questions={bank.data.items}
            tags={bank.data.tags}
            courseId={course.id}
            editingId={editing.mode === 'edit' ? editing.question.id : null}
            onEdit={(question, openerId) => open({ mode: 'edit', question }, openerId)}
            onDeleted={() => {
              setStatus(t('studio.questions.deleted'));
              document.getElementById('question-list-title')?.focus();
            }}
          />
        ) : null}
      </section>
    </Page>
  );
}
