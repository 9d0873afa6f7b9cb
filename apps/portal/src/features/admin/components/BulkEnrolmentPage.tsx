import { Role, TARGET_GROUPS, type TargetGroup } from '@hocvu/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useAuth } from '../../../app/auth/auth-context';
import { CommuneSelect } from '../../../shared/admin-units/CommuneSelect';
import {
  collect,
  type FieldSpec,
  FormShell,
  SelectField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Page } from '../../../shared/ui/Page';
import { useBulkEnrol } from '../hooks/use-admin';
import { AdminNav } from './AdminNav';
import { PublishedCourseSelect } from './PublishedCourseSelect';

const FIELDS: readonly FieldSpec[] = [{ name: 'courseId' }, { name: 'communeId' }, { name: 'targetGroup' }];

interface BulkValues {
  courseId: string;
  communeId: string;
  targetGroup: TargetGroup | '';
}

function isTargetGroup(value: string): value is TargetGroup {
  return (TARGET_GROUPS as readonly string[]).includes(value);
}

export function BulkEnrolmentPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  // A commune admin may only enrol the learners of their own commune: it is fixed for them.
  const communeLocked = user?.role === Role.CommuneAdmin;
  const enrol = useBulkEnrol();
  const form = useFormProblems(FIELDS);
  // Either a commune or a target group settles the "at least one" problem reported on the commune.
  const [values, edit] = useFormValues<BulkValues>(
    { courseId: '', communeId: communeLocked ? (user.communeId ?? '') : '', targetGroup: '' },
    form.clear,
    { targetGroup: ['communeId'] },
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    collect(problems, 'courseId', values.courseId === '' ? ['required'] : []);
    collect(problems, 'communeId', values.communeId === '' && values.targetGroup === '' ? ['required'] : []);
    if (form.show(problems)) return;

    enrol.mutate(
      {
        courseId: values.courseId,
        ...(values.communeId ? { communeId: values.communeId } : {}),
        ...(values.targetGroup ? { targetGroup: values.targetGroup } : {}),
      },
      { onError: (error) => form.showApiError(error) },
    );
  };

  return (
    <Page title={t('admin.sections.enrolments.title')} lead={t('admin.enrolments.lead')}>
      <AdminNav />
      {enrol.data ? (
        <Alert tone="success" role="status">
          <p>
            {t('admin.enrolments.done', {
              enrolled: enrol.data.enrolled,
              alreadyEnrolled: enrol.data.alreadyEnrolled,
            })}
          </p>
        </Alert>
      ) : null}
      <FormShell
        problems={form}
        error={enrol.error}
        onSubmit={onSubmit}
        pending={enrol.isPending}
        submitLabel={t('admin.enrolments.submit')}
        pendingLabel={t('admin.enrolments.submitting')}
      >
        <PublishedCourseSelect
          id="courseId"
          label={t('admin.enrolments.course')}
          placeholder={t('admin.enrolments.courseChoose')}
          value={values.courseId}
          onValueChange={(courseId) => edit({ courseId })}
          error={form.errorFor('courseId')}
        />
        <CommuneSelect
          value={values.communeId}
          onValueChange={(communeId) => edit({ communeId })}
          error={form.errorFor('communeId')}
          hint={communeLocked ? t('admin.enrolments.communeLocked') : t('admin.enrolments.communeHint')}
          disabled={communeLocked}
        />
        <SelectField
          id="targetGroup"
          label={t('admin.enrolments.targetGroup')}
          value={values.targetGroup}
          onValueChange={(targetGroup) =>
            edit({ targetGroup: isTargetGroup(targetGroup) ? targetGroup : '' })
          }
          error={form.errorFor('targetGroup')}
          optional
        >
          <option value="">{t('admin.enrolments.allGroups')}</option>
          {TARGET_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`targetGroup.${group}`)}
            </option>
          ))}
        </SelectField>
      </FormShell>
    </Page>
  );
}
