import { COURSE_TITLE_MAX_LENGTH, LESSON_KINDS, LessonKind as Kind, type LessonKind } from '@hocvu/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../shared/courses/use-localized';
import {
  checkLocalizedText,
  collect,
  FormShell,
  RadioGroupField,
  TextField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import type { StudioSection } from '../api/studio-api';
import { useAddLesson } from '../hooks/use-studio';
import { useOutline } from './outline-context';
import { lessonLinkId } from './OutlineLessonItem';

/** Articles and videos first: the kinds learners can use today (quizzes come later). */
const KIND_CHOICES: readonly LessonKind[] = [
  Kind.Article,
  Kind.Video,
  ...LESSON_KINDS.filter((kind) => kind !== Kind.Article && kind !== Kind.Video),
];

/** "Thêm bài học" under each section opens a short form: the lesson's kind and Vietnamese name. */
export function AddLessonForm({ section }: { section: StudioSection }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Set when the form is cancelled: focus goes back to the button that opened it.
  const refocusToggle = useRef(false);
  const toggleId = `add-lesson-${section.id}`;

  useEffect(() => {
    if (open || !refocusToggle.current) return;
    refocusToggle.current = false;
    toggleRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button
        ref={toggleRef}
        id={toggleId}
        type="button"
        className="button button--secondary button--small add-lesson-toggle"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">+</span> {t('studio.editor.addLesson')}
        <span className="visually-hidden">
          {' '}
          {t('studio.editor.addLessonTo', { title: localized.text(section.title) })}
        </span>
      </button>
    );
  }
  return (
    <LessonForm
      section={section}
      onClose={(cancelled) => {
        refocusToggle.current = cancelled;
        setOpen(false);
      }}
    />
  );
}

function LessonForm({ section, onClose }: { section: StudioSection; onClose: (cancelled: boolean) => void }) {
  const { t } = useTranslation();
  const { announce, focusAfterRender } = useOutline();
  const add = useAddLesson();
  const titleId = `new-lesson-${section.id}-title`;
  const kindId = `new-lesson-${section.id}-kind`;
  const form = useFormProblems([
    { name: 'title', targetId: titleId },
    { name: 'kind', targetId: `${kindId}-${Kind.Article}` },
  ]);
  const [values, edit] = useFormValues<{ title: string; kind: LessonKind }>(
    { title: '', kind: Kind.Article },
    form.clear,
  );

  // Opened by a button press: the name box is what comes next.
  useEffect(() => {
    document.getElementById(titleId)?.focus();
  }, [titleId]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    collect(
      problems,
      'title',
      checkLocalizedText({ vi: values.title }, COURSE_TITLE_MAX_LENGTH, { requireVi: true }),
    );
    if (form.show(problems)) return;
    const known = new Set(section.lessons.map((lesson) => lesson.id));
    add.mutate(
      {
        sectionId: section.id,
        // Required and 5 minutes, the API's defaults; both are changed in the lesson editor.
        body: { kind: values.kind, title: { vi: values.title.trim() }, required: true, estimatedMinutes: 5 },
      },
      {
        onError: (error) => form.showApiError(error),
        onSuccess: (course) => {
          const added = course.sections
            .find((candidate) => candidate.id === section.id)
            ?.lessons.find((lesson) => !known.has(lesson.id));
          announce(t('studio.editor.lessonAdded', { title: values.title.trim() }));
          if (added) focusAfterRender(lessonLinkId(added.id));
          onClose(false);
        },
      },
    );
  };

  return (
    <div className="inline-form">
      <FormShell
        problems={form}
        error={add.error}
        onSubmit={onSubmit}
        pending={add.isPending}
        submitLabel={t('studio.editor.addLesson')}
        pendingLabel={t('studio.editor.addingLesson')}
        otherActions={
          <button type="button" className="button button--secondary" onClick={() => onClose(true)}>
            {t('common.cancel')}
          </button>
        }
      >
        <TextField
          id={titleId}
          label={t('studio.fieldInLanguage', {
            field: t('studio.editor.lessonTitle'),
            language: t('studio.vietnamese'),
          })}
          value={values.title}
          onValueChange={(title) => edit({ title })}
          error={form.errorFor('title')}
          lang="vi"
        />
        <RadioGroupField
          id={kindId}
          legend={t('studio.editor.lessonKind')}
          hint={t('studio.editor.lessonKindHint')}
          options={KIND_CHOICES.map((kind) => ({ value: kind, label: t(`lessonKind.${kind}`) }))}
          value={values.kind}
          onValueChange={(kind) => edit({ kind })}
          error={form.errorFor('kind')}
        />
      </FormShell>
    </div>
  );
}
