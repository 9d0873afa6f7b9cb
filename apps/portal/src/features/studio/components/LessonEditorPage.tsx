import { ARTICLE_BODY_MAX_LENGTH, COURSE_TITLE_MAX_LENGTH, LessonKind } from '@hocvu/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { paths } from '../../../app/paths';
import { ArticleHtml } from '../../../shared/courses/ArticleHtml';
import { useContentLanguages } from '../../../shared/courses/use-content-languages';
import { useLocalized } from '../../../shared/courses/use-localized';
import {
  CheckboxField,
  checkLocalizedText,
  checkMinutes,
  collect,
  type FieldSpec,
  FormShell,
  SelectField,
  TextField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import { compactLocalized, FALLBACK_CONTENT_LANGUAGE, type LocalizedText } from '../../../shared/localized';
import { Alert } from '../../../shared/ui/Alert';
import { LoadFailedPage } from '../../../shared/ui/LoadFailedPage';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import type { StudioLesson, UpdateLessonBody } from '../api/studio-api';
import { useStudioLesson, useUpdateLesson } from '../hooks/use-studio';
import { LessonVideoPanel } from './LessonVideoPanel';
import { LocalizedTextFields } from './LocalizedTextFields';
import { MarkdownCheatSheet } from './MarkdownCheatSheet';
import { QuizLessonPanel } from './quiz/QuizLessonPanel';

const FIELDS: readonly FieldSpec[] = [
  { name: 'title', targetId: 'lesson-title-vi' },
  { name: 'estimatedMinutes' },
  { name: 'required' },
  { name: 'body', targetId: 'lesson-body-vi' },
];

export function LessonEditorPage() {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const { data: lesson, error, isPending, refetch } = useStudioLesson(lessonId);

  if (isPending) return <Loading />;
  if (!lesson) {
    return (
      <LoadFailedPage
        title={t('studio.lesson.title')}
        error={error}
        onRetry={() => void refetch()}
        back={{ to: paths.studio, label: t('studio.backToStudio') }}
      />
    );
  }
  // Keyed: opening another lesson starts a fresh form.
  return <LessonEditor key={lesson.id} lesson={lesson} />;
}

interface LessonValues {
  title: LocalizedText;
  estimatedMinutes: string;
  required: boolean;
  body: LocalizedText;
}

function LessonEditor({ lesson }: { lesson: StudioLesson }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { data: languages = [] } = useContentLanguages();
  const update = useUpdateLesson(lesson.id);
  const form = useFormProblems(FIELDS);
  const [values, edit] = useFormValues<LessonValues>(
    {
      title: { vi: '', ...lesson.title },
      estimatedMinutes: String(lesson.estimatedMinutes),
      required: lesson.required,
      body: { vi: '', ...lesson.body },
    },
    form.clear,
  );
  const [saved, setSaved] = useState(false);
  const [showPreview, setShowPreview] = useState(false);
  const isArticle = lesson.kind === LessonKind.Article;
  const isVideo = lesson.kind === LessonKind.Video;
  const isQuiz = lesson.kind === LessonKind.Quiz;
  const title = localized.pick(lesson.title);

  const save = (thenPreview: boolean) => {
    setSaved(false);
    const problems: Record<string, readonly string[]> = {};
    collect(
      problems,
      'title',
      checkLocalizedText(values.title, COURSE_TITLE_MAX_LENGTH, { requireVi: true }),
    );
    collect(problems, 'estimatedMinutes', checkMinutes(values.estimatedMinutes));
    if (isArticle) collect(problems, 'body', checkLocalizedText(values.body, ARTICLE_BODY_MAX_LENGTH));
    if (form.show(problems)) return;
    const body: UpdateLessonBody = {
      title: compactLocalized(values.title),
      estimatedMinutes: Number(values.estimatedMinutes.trim()),
      required: values.required,
      ...(isArticle ? { body: compactLocalized(values.body) } : {}),
    };
    update.mutate(body, {
      onError: (error) => form.showApiError(error),
      onSuccess: () => {
        setSaved(true);
        if (thenPreview) setShowPreview(true);
      },
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save(false);
  };

  return (
    <Page
      title={`${title.text} – ${t('studio.lesson.title')}`}
      heading={<span lang={title.lang}>{title.text}</span>}
    >
      <p>
        <Link to={paths.studioCourse(lesson.courseId)}>{t('studio.lesson.backToCourse')}</Link>
      </p>
      {isArticle || isVideo || isQuiz ? null : <Alert tone="info">{t('studio.lesson.comingSoon')}</Alert>}
      <FormShell
        problems={form}
        error={update.error}
        onSubmit={onSubmit}
        pending={update.isPending}
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        otherActions={
          isArticle ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={update.isPending}
              onClick={() => save(true)}
            >
              {t('studio.lesson.saveAndPreview')}
            </button>
          ) : null
        }
      >
        <LocalizedTextFields
          id="lesson-title"
          label={t('studio.lesson.titleField')}
          value={values.title}
          onValueChange={(value) => edit({ title: value })}
          error={form.errorFor('title')}
          languages={languages}
        />
        <TextField
          id="estimatedMinutes"
          label={t('studio.lesson.minutes')}
          hint={t('studio.lesson.minutesHint')}
          value={values.estimatedMinutes}
          onValueChange={(value) => edit({ estimatedMinutes: value.replace(/\D/g, '') })}
          error={form.errorFor('estimatedMinutes')}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={3}
          className="input--short"
        />
        <CheckboxField
          id="required"
          label={t('studio.lesson.required')}
          hint={t('studio.lesson.requiredHint')}
          checked={values.required}
          onCheckedChange={(required) => edit({ required })}
          error={form.errorFor('required')}
        />
        {isArticle ? (
          <>
            <LocalizedTextFields
              id="lesson-body"
              label={t('studio.lesson.body')}
              hint={t('studio.lesson.bodyHint')}
              value={values.body}
              onValueChange={(value) => edit({ body: value })}
              error={form.errorFor('body')}
              languages={languages}
              optional
              rows={14}
              className="textarea--code"
            />
            <MarkdownCheatSheet />
          </>
        ) : null}
      </FormShell>
      {saved ? <Alert tone="success">{t('studio.lesson.saved')}</Alert> : null}
      {isArticle && showPreview ? <LessonPreview lesson={lesson} /> : null}
      {isVideo ? <LessonVideoPanel lesson={lesson} /> : null}
      {isQuiz ? <QuizLessonPanel lesson={lesson} /> : null}
    </Page>
  );
}

/** The server's rendering of the saved lesson, exactly as learners will get it. */
function LessonPreview({ lesson }: { lesson: StudioLesson }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { data: languages = [] } = useContentLanguages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const available = Object.keys(lesson.previewHtml).filter(
    (code) => (lesson.previewHtml[code] ?? '').trim() !== '',
  );
  const [language, setLanguage] = useState<string>(
    available.includes(localized.language) ? localized.language : FALLBACK_CONTENT_LANGUAGE,
  );
  const shown = localized.pick(lesson.previewHtml);
  const html = lesson.previewHtml[language] ?? shown.text;

  // Shown on request ("Lưu và xem trước"): take the reader there.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  const nameOf = (code: string) =>
    code === FALLBACK_CONTENT_LANGUAGE
      ? t('studio.vietnamese')
      : (languages.find((candidate) => candidate.code === code)?.name ?? code);

  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title" ref={headingRef} tabIndex={-1}>
        {t('studio.lesson.preview')}
      </h2>
      <p className="field__hint">{t('studio.lesson.previewLead')}</p>
      {available.length > 1 ? (
        <SelectField
          id="preview-language"
          label={t('studio.lesson.previewLanguage')}
          value={language}
          onValueChange={setLanguage}
        >
          {available.map((code) => (
            <option key={code} value={code}>
              {nameOf(code)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="preview__frame">
        {html.trim() === '' ? (
          <p className="muted">{t('studio.lesson.previewEmpty')}</p>
        ) : (
          <ArticleHtml html={html} lang={available.includes(language) ? language : shown.lang} />
        )}
      </div>
    </section>
  );
}
