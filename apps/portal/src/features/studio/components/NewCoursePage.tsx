import { ErrorCode } from '@hocvu/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { paths } from '../../../app/paths';
import { FormShell, useFormProblems, useFormValues } from '../../../shared/forms';
import { Page } from '../../../shared/ui/Page';
import { useCreateCourse } from '../hooks/use-studio';
import { checkCourseForm, COURSE_FIELDS, createCourseBody, NEW_COURSE } from './course-form';
import { CourseDetailsFields } from './CourseDetailsFields';
import type { EditorFlash } from './CourseEditorPage';

export function NewCoursePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const form = useFormProblems(COURSE_FIELDS, { [ErrorCode.UnknownLanguage]: 'languages' });
  const [values, edit] = useFormValues(NEW_COURSE, form.clear);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.show(checkCourseForm(values))) return;
    create.mutate(createCourseBody(values), {
      onError: (error) => form.showApiError(error),
      onSuccess: (course) => {
        const state: EditorFlash = { flash: 'created' };
        void navigate(paths.studioCourse(course.id), { state });
      },
    });
  };

  return (
    <Page title={t('studio.new.title')} lead={t('studio.new.lead')}>
      <FormShell
        problems={form}
        error={form.formLevel(create.error)}
        onSubmit={onSubmit}
        pending={create.isPending}
        submitLabel={t('studio.new.submit')}
        pendingLabel={t('studio.new.submitting')}
        otherActions={
          <Link className="button button--secondary" to={paths.studio}>
            {t('common.cancel')}
          </Link>
        }
      >
        <CourseDetailsFields values={values} onChange={edit} errorFor={form.errorFor} />
      </FormShell>
    </Page>
  );
}
