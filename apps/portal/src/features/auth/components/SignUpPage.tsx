import { normaliseVietnamesePhone } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { currentUiLanguage } from '../../../i18n';
import {
  checkEmail,
  checkFullName,
  checkNewPassword,
  checkPhone,
  collect,
  EMPTY_DATE,
  ErrorSummary,
  type FieldSpec,
  FormError,
  PasswordField,
  TextField,
  useFormProblems,
} from '../../../shared/forms';
import {
  checkProfileFields,
  PROFILE_FIELD_SPECS,
  ProfileFields,
  profileFieldsBody,
  type ProfileFieldValues,
} from '../../../shared/profile/ProfileFields';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { useDestinationAfterSignIn } from '../hooks/use-after-sign-in';
import { useSignUp } from '../hooks/use-auth-mutations';

const FIELDS: readonly FieldSpec[] = [
  { name: 'fullName' },
  { name: 'phone' },
  { name: 'email' },
  { name: 'password' },
  ...PROFILE_FIELD_SPECS,
];

interface AccountValues {
  fullName: string;
  phone: string;
  email: string;
  password: string;
}

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const { session } = useAuth();
  const destination = useDestinationAfterSignIn();
  const signUp = useSignUp();
  const form = useFormProblems(FIELDS);
  const [account, setAccount] = useState<AccountValues>({ fullName: '', phone: '', email: '', password: '' });
  const [profile, setProfile] = useState<ProfileFieldValues>({
    birthDate: EMPTY_DATE,
    gender: '',
    communeId: '',
    targetGroup: '',
  });

  if (session.status === 'signedIn') return <Navigate to={destination(session.user)} replace />;
  if (session.status === 'restoring') return <Loading />;

  const edit = (patch: Partial<AccountValues>) => {
    setAccount((current) => ({ ...current, ...patch }));
    for (const name of Object.keys(patch)) form.clear(name);
    // Either contact satisfies the "phone or email" rule, which is reported on the phone field.
    if ('email' in patch) form.clear('phone');
  };
  const editProfile = (patch: Partial<ProfileFieldValues>) => {
    setProfile((current) => ({ ...current, ...patch }));
    for (const name of Object.keys(patch)) form.clear(name);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const phone = account.phone.trim();
    const email = account.email.trim();
    const problems: Record<string, readonly string[]> = {};
    collect(problems, 'fullName', checkFullName(account.fullName));
    collect(problems, 'phone', phone === '' && email === '' ? ['phoneOrEmail'] : checkPhone(phone));
    collect(problems, 'email', checkEmail(email));
    collect(problems, 'password', checkNewPassword(account.password));
    checkProfileFields(profile, problems);
    if (form.show(problems)) return;

    signUp.mutate(
      {
        fullName: account.fullName.trim(),
        ...(phone ? { phone: normaliseVietnamesePhone(phone) ?? phone } : {}),
        ...(email ? { email } : {}),
        password: account.password,
        preferredLanguage: currentUiLanguage(i18n.resolvedLanguage),
        ...profileFieldsBody(profile),
      },
      { onError: (error) => form.showApiError(error) },
    );
  };

  return (
    <Page title={t('auth.signUp.title')} lead={t('auth.signUp.lead')}>
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <FormError error={signUp.error} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id="fullName"
          label={t('fields.fullName')}
          hint={t('fields.fullNameHint')}
          value={account.fullName}
          onValueChange={(fullName) => edit({ fullName })}
          error={form.errorFor('fullName')}
          autoComplete="name"
          autoCapitalize="words"
        />
        <TextField
          id="phone"
          label={t('fields.phone')}
          hint={t('auth.signUp.phoneHint')}
          value={account.phone}
          onValueChange={(phone) => edit({ phone })}
          error={form.errorFor('phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required={false}
        />
        <TextField
          id="email"
          label={t('fields.email')}
          value={account.email}
          onValueChange={(email) => edit({ email })}
          error={form.errorFor('email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          optional
        />
        <PasswordField
          id="password"
          label={t('fields.password')}
          value={account.password}
          onValueChange={(password) => edit({ password })}
          error={form.errorFor('password')}
          autoComplete="new-password"
          showRules
        />
        <h2 className="form__section-title">{t('auth.signUp.aboutYou')}</h2>
        <p className="field__hint">{t('auth.signUp.aboutYouHint')}</p>
        <ProfileFields values={profile} onChange={editProfile} errorFor={form.errorFor} />
        <div className="actions">
          <button type="submit" className="button" disabled={signUp.isPending}>
            {signUp.isPending ? t('auth.signUp.submitting') : t('auth.signUp.submit')}
          </button>
        </div>
      </form>
      <p>
        {t('auth.signUp.haveAccount')} <Link to={paths.signIn}>{t('auth.signUp.signInLink')}</Link>
      </p>
    </Page>
  );
}
