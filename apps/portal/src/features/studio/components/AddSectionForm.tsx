import { COURSE_TITLE_MAX_LENGTH } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  checkLocalizedText,
  collect,
  FormShell,
  TextField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import { useAddSection } from '../hooks/use-studio';
import { useOutline } from './outline-context';

const FIELDS = [{ name: 'title', targetId: 'new-section-title' }];

/** A section is added with its Vietnamese name; other languages are given with "Đổi tên". */
export function AddSectionForm({ courseId }: { courseId: string }) {
  // A new key empties the form after each section added.
  const [formKey, setFormKey] = useState(0);
  return <SectionForm key={formKey} courseId={courseId} onAdded={() => setFormKey((key) => key + 1)} />;
}

function SectionForm({ courseId, onAdded }: { courseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { announce, focusAfterRender } = useOutline();
  const add = useAddSection(courseId);
  const form = useFormProblems(FIELDS);
  const [{ title }, edit] = useFormValues({ title: '' }, form.clear);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    collect(
      problems,
      'title',
      checkLocalizedText({ vi: title }, COURSE_TITLE_MAX_LENGTH, { requireVi: true }),
    );
    if (form.show(problems)) return;
    add.mutate(
      { vi: title.trim() },
      {
        onError: (error) => form.showApiError(error),
        onSuccess: (course) => {
          const added = course.sections.at(-1);
          announce(t('studio.editor.sectionAdded', { title: title.trim() }));
          if (added) focusAfterRender(`section-${added.id}`);
          onAdded();
        },
      },
    );
  };

  return (
    <div className="inline-form">
      <h3 className="inline-form__title">{t('studio.editor.addSection')}</h3>
      <FormShell
        problems={form}
        error={add.error}
        onSubmit={onSubmit}
        pending={add.isPending}
        submitLabel={t('studio.editor.addSection')}
        pendingLabel={t('studio.editor.addingSection')}
      >
        <TextField
          id="new-section-title"
          label={t('studio.fieldInLanguage', {
            field: t('studio.editor.sectionTitle'),
            language: t('studio.vietnamese'),
          })}
          value={title}
          onValueChange={(value) => edit({ title: value })}
          error={form.errorFor('title')}
          lang="vi"
        />
      </FormShell>
    </div>
  );
}
