import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { currentUiLanguage } from '../../../i18n';
import {
  ACCOUNT_ALSO_CLEARS,
  ACCOUNT_FIELD_SPECS,
  AccountFields,
  accountFieldsBody,
  checkAccountFields,
  EMPTY_ACCOUNT_FIELDS,
} from '../../../shared/account/AccountFields';
import { type FieldSpec, FormShell, useFormProblems, useFormValues } from '../../../shared/forms';
import {
  checkProfileFields,
  EMPTY_PROFILE_FIELDS,
  PROFILE_FIELD_SPECS,
  ProfileFields,
  profileFieldsBody,
} from '../../../shared/profile/ProfileFields';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { useDestinationAfterSignIn } from '../hooks/use-after-sign-in';
import { useSignUp } from '../hooks/use-auth-mutations';

const FIELDS: readonly FieldSpec[] = [...ACCOUNT_FIELD_SPECS, ...PROFILE_FIELD_SPECS];

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const { session } = useAuth();
  const destination = useDestinationAfterSignIn();
  const signUp = useSignUp();
  const form = useFormProblems(FIELDS);
  const [account, edit] = useFormValues(EMPTY_ACCOUNT_FIELDS, form.clear, ACCOUNT_ALSO_CLEARS);
  const [profile, editProfile] = useFormValues(EMPTY_PROFILE_FIELDS, form.clear);

  if (session.status === 'signedIn') return <Navigate to={destination(session.user)} replace />;
  if (session.status === 'restoring') return <Loading />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    checkAccountFields(account, problems);
    checkProfileFields(profile, problems);
    if (form.show(problems)) return;

    signUp.mutate(
      {
        ...accountFieldsBody(account),
        preferredLanguage: currentUiLanguage(i18n.resolvedLanguage),
        ...profileFieldsBody(profile),
      },
      { onError: (error) => form.showApiError(error) },
    );
  };

  return (
    <Page title={t('auth.signUp.title')} lead={t('auth.signUp.lead')}>
      <FormShell
        problems={form}
        error={signUp.error}
        onSubmit={onSubmit}
        pending={signUp.isPending}
        submitLabel={t('auth.signUp.submit')}
        pendingLabel={t('auth.signUp.submitting')}
      >
        <AccountFields
          values={account}
          onChange={edit}
          errorFor={form.errorFor}
          fullNameHint={t('fields.fullNameHint')}
          phoneHint={t('auth.signUp.phoneHint')}
        />
        <h2 className="form__section-title">{t('auth.signUp.aboutYou')}</h2>
        <p className="field__hint">{t('auth.signUp.aboutYouHint')}</p>
        <ProfileFields values={profile} onChange={editProfile} errorFor={form.errorFor} />
      </FormShell>
      <p>
        {t('auth.signUp.haveAccount')} <Link to={paths.signIn}>{t('auth.signUp.signInLink')}</Link>
      </p>
    </Page>
  );
}
