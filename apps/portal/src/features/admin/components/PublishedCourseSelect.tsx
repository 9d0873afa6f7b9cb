import { useTranslation } from 'react-i18next';

import { useLocalized } from '../../../shared/courses/use-localized';
import { SelectField } from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { usePublishedCourses } from '../hooks/use-admin';

/** The published courses an admin enrols a cohort into (bulk enrolment, roster import), with retry. */
export function PublishedCourseSelect(props: {
  id: string;
  label: string;
  /** The first, empty option ("choose a course"). */
  placeholder: string;
  value: string;
  onValueChange: (courseId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const courses = usePublishedCourses();
  return (
    <>
      <SelectField
        id={props.id}
        label={props.label}
        value={props.value}
        onValueChange={props.onValueChange}
        error={props.error}
        disabled={courses.isPending}
        aria-busy={courses.isPending ? true : undefined}
      >
        <option value="">{courses.isPending ? t('common.loading') : props.placeholder}</option>
        {(courses.data?.items ?? []).map((course) => (
          <option key={course.id} value={course.id}>
            {text(course.title)}
          </option>
        ))}
      </SelectField>
      {courses.isError ? (
        <Alert tone="error" role="none">
          {t('errors.UNKNOWN')}{' '}
          <button type="button" className="button button--link" onClick={() => void courses.refetch()}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : null}
    </>
  );
}
