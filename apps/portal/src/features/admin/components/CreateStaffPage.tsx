import { normaliseVietnamesePhone, Role, STAFF_ROLES } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { CommuneSelect } from '../../../shared/admin-units/CommuneSelect';
import {
  checkEmail,
  checkFullName,
  checkNewPassword,
  checkPhone,
  collect,
  ErrorSummary,
  type FieldSpec,
  FormError,
  PasswordField,
  RadioGroupField,
  TextField,
  useFormProblems,
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
  { name: 'fullName' },
  { name: 'phone' },
  { name: 'email' },
  { name: 'password' },
  { name: 'role', targetId: `role-${STAFF_ROLES[0] ?? ''}` },
  { name: 'communeId' },
];

interface StaffValues {
  fullName: string;
  phone: string;
  email: string;
  password: string;
  role: StaffRole | '';
  communeId: string;
}

const EMPTY: StaffValues = { fullName: '', phone: '', email: '', password: '', role: '', communeId: '' };

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
  const [values, setValues] = useState<StaffValues>(EMPTY);

  const edit = (patch: Partial<StaffValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    for (const name of Object.keys(patch)) form.clear(name);
    if ('email' in patch) form.clear('phone');
    if ('role' in patch) form.clear('communeId');
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const phone = values.phone.trim();
    const email = values.email.trim();
    const problems: Record<string, readonly string[]> = {};
    collect(problems, 'fullName', checkFullName(values.fullName));
    collect(problems, 'phone', phone === '' && email === '' ? ['phoneOrEmail'] : checkPhone(phone));
    collect(problems, 'email', checkEmail(email));
    collect(problems, 'password', checkNewPassword(values.password));
    collect(problems, 'role', values.role === '' ? ['isIn'] : []);
    collect(
      problems,
      'communeId',
      values.role === Role.CommuneAdmin && values.communeId === '' ? ['required'] : [],
    );
    if (form.show(problems) || values.role === '') return;

    create.mutate(
      {
        fullName: values.fullName.trim(),
        ...(phone ? { phone: normaliseVietnamesePhone(phone) ?? phone } : {}),
        ...(email ? { email } : {}),
        password: values.password,
        role: values.role,
        ...(values.communeId ? { communeId: values.communeId } : {}),
      },
      { onError: (error) => form.showApiError(error), onSuccess: onCreated },
    );
  };

  return (
    <>
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <FormError error={create.error} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id="fullName"
          label={t('fields.fullName')}
          value={values.fullName}
          onValueChange={(fullName) => edit({ fullName })}
          error={form.errorFor('fullName')}
          autoComplete="off"
          autoCapitalize="words"
        />
        <TextField
          id="phone"
          label={t('fields.phone')}
          hint={t('admin.newStaff.contactHint')}
          value={values.phone}
          onValueChange={(phone) => edit({ phone })}
          error={form.errorFor('phone')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          required={false}
        />
        <TextField
          id="email"
          label={t('fields.email')}
          value={values.email}
          onValueChange={(email) => edit({ email })}
          error={form.errorFor('email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          optional
        />
        <PasswordField
          id="password"
          label={t('admin.newStaff.initialPassword')}
          hint={t('admin.newStaff.initialPasswordHint')}
          value={values.password}
          onValueChange={(password) => edit({ password })}
          error={form.errorFor('password')}
          autoComplete="new-password"
          showRules
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
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('admin.newStaff.submitting') : t('admin.newStaff.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
