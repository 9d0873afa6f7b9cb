import { ErrorCode } from '@hocvu/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { isApiError } from '../../../shared/api/api-error';
import {
  checkNewPassword,
  checkRequired,
  collect,
  FormShell,
  PasswordField,
  useFormProblems,
  useFormValues,
} from '../../../shared/forms';
import { Alert } from '../../../shared/ui/Alert';
import { Page } from '../../../shared/ui/Page';
import { useChangePassword } from '../hooks/use-profile';
import type { ProfileFlash } from './ProfilePage';

const FIELDS = [{ name: 'currentPassword' }, { name: 'newPassword' }];

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const change = useChangePassword();
  const form = useFormProblems(FIELDS);
  const [{ currentPassword, newPassword }, edit] = useFormValues(
    { currentPassword: '', newPassword: '' },
    form.clear,
  );
  const temporary = user?.mustChangePassword === true;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, readonly string[]> = {};
    collect(problems, 'currentPassword', checkRequired(currentPassword));
    collect(problems, 'newPassword', checkNewPassword(newPassword));
    if (form.show(problems)) return;

    change.mutate(
      { currentPassword, newPassword },
      {
        onError: (error) => {
          // The API answers a wrong current password with INVALID_CREDENTIALS: say it at the field.
          if (isApiError(error) && error.code === ErrorCode.InvalidCredentials)
            form.show({ currentPassword: ['incorrect'] });
          else form.showApiError(error);
        },
        onSuccess: () => {
          const state: ProfileFlash = { flash: 'passwordChanged' };
          void navigate(paths.profile, { state, replace: true });
        },
      },
    );
  };

  return (
    <Page title={t('profile.password.title')} lead={t('profile.password.lead')}>
      {temporary ? (
        <Alert tone="warning" title={t('profile.password.temporaryTitle')}>
          <p>{t('profile.password.temporaryBody')}</p>
        </Alert>
      ) : null}
      <FormShell
        problems={form}
        error={
          isApiError(change.error) && change.error.code === ErrorCode.InvalidCredentials ? null : change.error
        }
        onSubmit={onSubmit}
        pending={change.isPending}
        submitLabel={t('profile.password.submit')}
        pendingLabel={t('common.saving')}
        otherActions={
          temporary ? null : (
            <Link className="button button--secondary" to={paths.profile}>
              {t('common.cancel')}
            </Link>
          )
        }
      >
        <PasswordField
          id="currentPassword"
          label={t('fields.currentPassword')}
          hint={temporary ? t('profile.password.currentIsTemporary') : undefined}
          value={currentPassword}
          onValueChange={(value) => edit({ currentPassword: value })}
          error={form.errorFor('currentPassword')}
          autoComplete="current-password"
        />
        <PasswordField
          id="newPassword"
          label={t('fields.newPassword')}
          value={newPassword}
          onValueChange={(value) => edit({ newPassword: value })}
          error={form.errorFor('newPassword')}
          autoComplete="new-password"
          showRules
        />
      </FormShell>
    </Page>
  );
}
