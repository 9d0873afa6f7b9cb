import { Role, STAFF_ROLES } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import {
  ACCOUNT_ALSO_CLEARS,
  ACCOUNT_FIELD_SPECS,
  AccountFields,
  accountFieldsBody,
  type AccountFieldValues,
  checkAccountFields,
  EMPTY_ACCOUNT_FIELDS,
} from '../../../shared/account/AccountFields';
import { CommuneSelect } from '../../../shared/admin-units/CommuneSelect';
import {
  collect,
  type FieldSpec,
  FormShell,
  RadioGroupField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Page } from '../../../shared/ui/Page';
import type { CreateStaffBody, UserSummary } from '../api/admin-api';
import { useCreateStaff } from '../hooks/use-admin';
import { AdminNav } from './AdminNav';

type StaffRole = CreateStaffBody['role'];

function isStaffRole(role: Role): role is StaffRole {
  return STAFF_ROLES.includes(role);
}

const STAFF_ROLE_CHOICES: readonly StaffRole[] = STAFF_ROLES.filter(isStaffRole);

const FIELDS: readonly FieldSpec[] = [
  ...ACCOUNT_FIELD_SPECS,
  { name: 'role', targetId: `role-${STAFF_ROLES[0] ?? ''}` },
  { name: 'communeId' },
];

interface StaffValues extends AccountFieldValues {
  role: StaffRole | '';
  communeId: string;
}

const EMPTY: StaffValues = { ...EMPTY_ACCOUNT_FIELDS, role: '', communeId: '' };

export function CreateStaffPage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<UserSummary | null>(null);
  // A new key gives a fresh, empty form for the next account.
  const [formKey, setFormKey] = useState(0);

  return (
    <Page title={t('admin.sections.newStaff.title')} lead={t('admin.newStaff.lead')}>
      <AdminNav />
      {created ? (
        <Alert tone="success" title={t('admin.newStaff.createdTitle')}>
          <p>
            {t('admin.newStaff.createdBody', { name: created.fullName, role: t(`role.${created.role}`) })}
          </p>
          <p>{t('admin.newStaff.handOver')}</p>
          <div className="actions">
            <Link className="button button--secondary" to={paths.adminUsers}>
              {t('admin.sections.users.title')}
            </Link>
          </div>
        </Alert>
      ) : null}
      <StaffForm
        key={formKey}
        onCreated={(user) => {
          setCreated(user);
          setFormKey((key) => key + 1);
          window.scrollTo({ top: 0 });
        }}
      />
    </Page>
  );
}

function StaffForm({ onCreated }: { onCreated: (user: UserSummary) => void }) {
  const { t } = useTranslation();
  const create = useCreateStaff();
  const form = useFormProblems(FIELDS);
  // The role decides whether a commune is required.
  const [values, edit] = useFormValues(EMPTY, form.clear, { ...ACCOUNT_ALSO_CLEARS, role: ['communeId'] });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    checkAccountFields(values, problems);
    collect(problems, 'role', values.role === '' ? ['isIn'] : []);
    collect(
      problems,
      'communeId',
      values.role === Role.CommuneAdmin && values.communeId === '' ? ['required'] : [],
    );
    if (form.show(problems) || values.role === '') return;

    create.mutate(
      {
        ...accountFieldsBody(values),
        role: values.role,
        ...(values.communeId ? { communeId: values.communeId } : {}),
      },
      { onError: (error) => form.showApiError(error), onSuccess: onCreated },
    );
  };

  return (
    <>
      <FormShell
        problems={form}
        error={create.error}
        onSubmit={onSubmit}
        pending={create.isPending}
        submitLabel={t('admin.newStaff.submit')}
        pendingLabel={t('admin.newStaff.submitting')}
      >
        <AccountFields
          values={values}
          onChange={edit}
          errorFor={form.errorFor}
          phoneHint={t('admin.newStaff.contactHint')}
          passwordLabel={t('admin.newStaff.initialPassword')}
          passwordHint={t('admin.newStaff.initialPasswordHint')}
          autoFill={false}
        />
        <RadioGroupField
          id="role"
          legend={t('fields.role')}
          options={STAFF_ROLE_CHOICES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          value={values.role}
          onValueChange={(role) => edit({ role })}
          error={form.errorFor('role')}
        />
        <CommuneSelect
          value={values.communeId}
          onValueChange={(communeId) => edit({ communeId })}
          error={form.errorFor('communeId')}
          optional={values.role !== Role.CommuneAdmin}
          hint={t('admin.newStaff.communeHint')}
        />
      </FormShell>
    </>
  );
}
