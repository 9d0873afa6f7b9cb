import { ErrorCode } from '@hocvu/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { isApiError } from '../../../shared/api/api-error';
import {
  checkNewPassword,
  checkRequired,
  collect,
  ErrorSummary,
  FormError,
  PasswordField,
  useFormProblems,
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
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
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
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      <FormError
        error={
          isApiError(change.error) && change.error.code === ErrorCode.InvalidCredentials ? null : change.error
        }
      />
      <form className="form" noValidate onSubmit={onSubmit}>
        <PasswordField
          id="currentPassword"
          label={t('fields.currentPassword')}
          hint={temporary ? t('profile.password.currentIsTemporary') : undefined}
          value={currentPassword}
          onValueChange={(value) => {
            setCurrentPassword(value);
            form.clear('currentPassword');
          }}
          error={form.errorFor('currentPassword')}
          autoComplete="current-password"
        />
        <PasswordField
          id="newPassword"
          label={t('fields.newPassword')}
          value={newPassword}
          onValueChange={(value) => {
            setNewPassword(value);
            form.clear('newPassword');
          }}
          error={form.errorFor('newPassword')}
          autoComplete="new-password"
          showRules
        />
        <div className="actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {change.isPending ? t('common.saving') : t('profile.password.submit')}
          </button>
          {temporary ? null : (
            <Link className="button button--secondary" to={paths.profile}>
              {t('common.cancel')}
            </Link>
          )}
        </div>
      </form>
    </Page>
  );
}
