import { COURSE_TITLE_MAX_LENGTH, type LocalizedText } from '@hocvu/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useContentLanguages } from '../../../shared/courses/use-content-languages';
import {
  checkLocalizedText,
  collect,
  FormShell,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import { compactLocalized } from '../../../shared/localized';
import type { StudioSection } from '../api/studio-api';
import { useRenameSection } from '../hooks/use-studio';
import { LocalizedTextFields } from './LocalizedTextFields';
import { useOutline } from './outline-context';

/** The section's name in every language. */
export function RenameSectionForm({
  section,
  onDone,
}: {
  section: StudioSection;
  /** `cancelled`: closed without saving. */
  onDone: (cancelled: boolean) => void;
}) {
  const { t } = useTranslation();
  const { data: languages = [] } = useContentLanguages();
  const rename = useRenameSection();
  const { focusAfterRender } = useOutline();
  const baseId = `rename-${section.id}`;
  const form = useFormProblems([{ name: 'title', targetId: `${baseId}-vi` }]);
  const [{ title }, edit] = useFormValues<{ title: LocalizedText }>(
    { title: { vi: '', ...section.title } },
    form.clear,
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    collect(problems, 'title', checkLocalizedText(title, COURSE_TITLE_MAX_LENGTH, { requireVi: true }));
    if (form.show(problems)) return;
    rename.mutate(
      { sectionId: section.id, title: compactLocalized(title) },
      {
        onError: (error) => form.showApiError(error),
        onSuccess: () => {
          focusAfterRender(`section-${section.id}`);
          onDone(false);
        },
      },
    );
  };

  return (
    <div className="inline-form">
      <FormShell
        problems={form}
        error={rename.error}
        onSubmit={onSubmit}
        pending={rename.isPending}
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        otherActions={
          <button type="button" className="button button--secondary" onClick={() => onDone(true)}>
            {t('common.cancel')}
          </button>
        }
      >
        <LocalizedTextFields
          id={baseId}
          label={t('studio.editor.sectionTitle')}
          value={title}
          onValueChange={(value) => edit({ title: value })}
          error={form.errorFor('title')}
          languages={languages}
        />
      </FormShell>
    </div>
  );
}
