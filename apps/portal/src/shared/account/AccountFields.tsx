import { normaliseVietnamesePhone } from '@hocvu/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import {
  checkEmail,
  checkFullName,
  checkNewPassword,
  checkPhone,
  collect,
  type FieldSpec,
  PasswordField,
  TextField,
} from '../forms';

/** Name, contact and password of a new account: on sign-up, and when an admin creates a staff account. */
export interface AccountFieldValues {
  fullName: string;
  phone: string;
  email: string;
  password: string;
}

export const EMPTY_ACCOUNT_FIELDS: AccountFieldValues = { fullName: '', phone: '', email: '', password: '' };

export const ACCOUNT_FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'fullName' },
  { name: 'phone' },
  { name: 'email' },
  { name: 'password' },
];

/** For useFormValues: either contact satisfies the "phone or email" rule, which is reported on the phone. */
export const ACCOUNT_ALSO_CLEARS = { email: ['phone'] } as const;

export function checkAccountFields(
  values: AccountFieldValues,
  problems: Record<string, readonly string[]>,
): void {
  const phone = values.phone.trim();
  const email = values.email.trim();
  collect(problems, 'fullName', checkFullName(values.fullName));
  collect(problems, 'phone', phone === '' && email === '' ? ['phoneOrEmail'] : checkPhone(phone));
  collect(problems, 'email', checkEmail(email));
  collect(problems, 'password', checkNewPassword(values.password));
}

/** The API fields for the values given; a contact left empty is left out. */
export function accountFieldsBody(values: AccountFieldValues) {
  const phone = values.phone.trim();
  const email = values.email.trim();
  return {
    fullName: values.fullName.trim(),
    ...(phone ? { phone: normaliseVietnamesePhone(phone) ?? phone } : {}),
    ...(email ? { email } : {}),
    password: values.password,
  };
}

interface AccountFieldsProps {
  values: AccountFieldValues;
  onChange: (patch: Partial<AccountFieldValues>) => void;
  errorFor: (name: string) => string | undefined;
  fullNameHint?: ReactNode;
  phoneHint: ReactNode;
  passwordLabel?: ReactNode;
  passwordHint?: ReactNode;
  /** Off when an admin types in someone else's details: the browser must not offer the admin's own. */
  autoFill?: boolean;
}

export function AccountFields({
  values,
  onChange,
  errorFor,
  fullNameHint,
  phoneHint,
  passwordLabel,
  passwordHint,
  autoFill = true,
}: AccountFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FullNameField
        hint={fullNameHint}
        value={values.fullName}
        onValueChange={(fullName) => onChange({ fullName })}
        error={errorFor('fullName')}
        autoFill={autoFill}
      />
      <TextField
        id="phone"
        label={t('fields.phone')}
        hint={phoneHint}
        value={values.phone}
        onValueChange={(phone) => onChange({ phone })}
        error={errorFor('phone')}
        type="tel"
        inputMode="tel"
        autoComplete={autoFill ? 'tel' : 'off'}
        required={false}
      />
      <TextField
        id="email"
        label={t('fields.email')}
        value={values.email}
        onValueChange={(email) => onChange({ email })}
        error={errorFor('email')}
        type="email"
        inputMode="email"
        autoComplete={autoFill ? 'email' : 'off'}
        autoCapitalize="none"
        spellCheck={false}
        optional
      />
      <PasswordField
        id="password"
        label={passwordLabel ?? t('fields.password')}
        hint={passwordHint}
        value={values.password}
        onValueChange={(password) => onChange({ password })}
        error={errorFor('password')}
        autoComplete="new-password"
        showRules
      />
    </>
  );
}

interface FullNameFieldProps {
  value: string;
  onValueChange: (value: string) => void;
  error: string | undefined;
  hint?: ReactNode;
  autoFill?: boolean;
}

/** The person's full name: on a new account and on the profile form. */
export function FullNameField({ autoFill = true, ...field }: FullNameFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      id="fullName"
      label={t('fields.fullName')}
      {...field}
      autoComplete={autoFill ? 'name' : 'off'}
      autoCapitalize="words"
    />
  );
}
