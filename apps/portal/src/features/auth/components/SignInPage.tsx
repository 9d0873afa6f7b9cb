import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { FormShell } from '../../../shared/forms/FormShell';
import { PasswordField } from '../../../shared/forms/PasswordField';
import { TextField } from '../../../shared/forms/TextField';
import { useFormProblems } from '../../../shared/forms/use-form-problems';
import { useFormValues } from '../../../shared/forms/use-form-values';
import { checkIdentifier, checkRequired, collect } from '../../../shared/forms/validation';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';
import { useDestinationAfterSignIn } from '../hooks/use-after-sign-in';
import { useSignIn } from '../hooks/use-auth-mutations';
import { VneidButton } from './VneidButton';

const FIELDS = [{ name: 'identifier' }, { name: 'password' }];

export function SignInPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const destination = useDestinationAfterSignIn();
  const signIn = useSignIn();
  const form = useFormProblems(FIELDS);
  const [{ identifier, password }, edit] = useFormValues({ identifier: '', password: '' }, form.clear);

  // Signed in — just now or already: go on. Declarative, so it cannot race the session update.
  if (session.status === 'signedIn') return <Navigate to={destination(session.user)} replace />;
  if (session.status === 'restoring') return <Loading />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    collect(problems, 'identifier', checkIdentifier(identifier));
    collect(problems, 'password', checkRequired(password));
    if (form.show(problems)) return;
    signIn.mutate(
      { identifier: identifier.trim(), password },
      { onError: (error) => form.showApiError(error) },
    );
  };

  return (
    <Page title={t('auth.signIn.title')} lead={t('auth.signIn.lead')}>
      <VneidButton mode="signIn" returnTo={destination(null)} />
      <p className="divider" aria-hidden="true">
        <span>{t('vneid.or')}</span>
      </p>
      <FormShell
        problems={form}
        error={signIn.error}
        onSubmit={onSubmit}
        pending={signIn.isPending}
        submitLabel={t('auth.signIn.submit')}
        pendingLabel={t('auth.signIn.submitting')}
      >
        <TextField
          id="identifier"
          label={t('fields.identifier')}
          hint={t('auth.signIn.identifierHint')}
          value={identifier}
          onValueChange={(value) => edit({ identifier: value })}
          error={form.errorFor('identifier')}
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
        />
        <PasswordField
          id="password"
          label={t('fields.password')}
          value={password}
          onValueChange={(value) => edit({ password: value })}
          error={form.errorFor('password')}
          autoComplete="current-password"
        />
      </FormShell>
      <p className="aside">{t('auth.signIn.forgotPassword')}</p>
      <p>
        {t('auth.signIn.noAccount')} <Link to={paths.signUp}>{t('auth.signIn.signUpLink')}</Link>
      </p>
    </Page>
  );
}
