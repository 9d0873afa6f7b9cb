import { ErrorCode } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormShell, useFormProblems, useFormValues } from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import type { StudioCourse } from '../api/studio-api';
import { useUpdateCourse } from '../hooks/use-studio';
import { checkCourseForm, COURSE_FIELDS, courseFormValues, updateCourseBody } from './course-form';
import { CourseDetailsFields } from './CourseDetailsFields';

/** The course's details, as on the new-course form, plus the long description. */
export function CourseDetailsForm({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const update = useUpdateCourse(course.id);
  const form = useFormProblems(COURSE_FIELDS, { [ErrorCode.UnknownLanguage]: 'languages' });
  // Starts from the course as loaded; later saves keep what is typed here.
  const [values, edit] = useFormValues(courseFormValues(course), form.clear);
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    if (form.show(checkCourseForm(values))) return;
    update.mutate(updateCourseBody(values), {
      onError: (error) => form.showApiError(error),
      onSuccess: () => setSaved(true),
    });
  };

  return (
    <>
      <FormShell
        problems={form}
        error={form.formLevel(update.error)}
        onSubmit={onSubmit}
        pending={update.isPending}
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
      >
        <CourseDetailsFields
          values={values}
          onChange={(patch) => {
            setSaved(false);
            edit(patch);
          }}
          errorFor={form.errorFor}
          withDescription
        />
      </FormShell>
      {/* Beside the button just pressed, at the end of a long form. */}
      {saved ? <Alert tone="success">{t('studio.editor.detailsSaved')}</Alert> : null}
    </>
  );
}
