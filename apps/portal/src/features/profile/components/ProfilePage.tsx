import { Role } from '@hocvu/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import type { UserProfile } from '../../../app/auth/session-store';
import { paths } from '../../../app/paths';
import { isUiLanguage } from '../../../i18n';
import { formatCalendarDate, formatDateTime, formatPhone } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { Page } from '../../../shared/ui/Page';
import { VneidButton } from '../../auth/components/VneidButton';
import { useProfile } from '../hooks/use-profile';

/** Messages a profile form leaves for this page after saving. */
export interface ProfileFlash {
  flash?: 'saved' | 'passwordChanged' | 'vneidLinked';
}

export function ProfilePage() {
  const { user } = useAuth();
  // Rendered only under RequireAuth, so a user is present.
  return user ? <ProfileView initial={user} /> : null;
}

function ProfileView({ initial }: { initial: UserProfile }) {
  const { t, i18n } = useTranslation();
  const { data: user } = useProfile(initial);
  const state = useLocation().state as ProfileFlash | null;
  const flash = state?.flash;
  const language = i18n.resolvedLanguage ?? 'vi';
  const notProvided = <span className="muted">{t('common.notProvided')}</span>;
  const orNot = (value: ReactNode) => (value ? value : notProvided);

  return (
    <Page title={t('profile.title')}>
      {flash === 'saved' ? <Alert tone="success">{t('profile.saved')}</Alert> : null}
      {flash === 'passwordChanged' ? <Alert tone="success">{t('profile.password.changed')}</Alert> : null}
      {flash === 'vneidLinked' ? <Alert tone="success">{t('vneid.linked')}</Alert> : null}
      <dl className="details">
        <Row label={t('fields.fullName')}>{user.fullName}</Row>
        <Row label={t('vneid.identity')}>
          {user.citizenIdMasked && user.identityLevel
            ? t('vneid.verifiedLevel', { level: user.identityLevel, citizenId: user.citizenIdMasked })
            : notProvided}
        </Row>
        <Row label={t('fields.phone')}>{orNot(formatPhone(user.phone))}</Row>
        <Row label={t('fields.email')}>{orNot(user.email)}</Row>
        <Row label={t('fields.birthDate')}>{orNot(formatCalendarDate(user.birthDate, language))}</Row>
        <Row label={t('fields.gender')}>{orNot(user.gender ? t(`gender.${user.gender}`) : null)}</Row>
        <Row label={t('fields.commune')}>{orNot(user.commune?.name)}</Row>
        <Row label={t('profile.inclusion.village')}>{orNot(user.village?.name)}</Row>
        <Row label={t('fields.targetGroup')}>
          {orNot(user.targetGroup ? t(`targetGroup.${user.targetGroup}`) : null)}
        </Row>
        <Row label={t('fields.preferredLanguage')}>
          {isUiLanguage(user.preferredLanguage)
            ? t(`language.names.${user.preferredLanguage}`)
            : user.preferredLanguage}
        </Row>
        <Row label={t('fields.role')}>{t(`role.${user.role}`)}</Row>
        <Row label={t('profile.memberSince')}>{formatDateTime(user.createdAt, language)}</Row>
        <Row label={t('profile.inclusion.title')}>
          {user.inclusion
            ? t('profile.inclusion.given', { date: formatDateTime(user.inclusion.consentedAt, language) })
            : t('profile.inclusion.notGiven')}
        </Row>
      </dl>
      <div className="actions">
        <Link className="button" to={paths.editProfile}>
          {t('profile.edit.title')}
        </Link>
        {user.role === Role.Learner ? (
          <Link className="button button--secondary" to={paths.myQr}>
            {t('nav.myQr')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={paths.profileInclusion}>
          {t('profile.inclusion.title')}
        </Link>
        {/* Accounts made by "Sign in with VNeID" have no password to change. */}
        {user.phone || user.email ? (
          <Link className="button button--secondary" to={paths.changePassword}>
            {t('profile.password.title')}
          </Link>
        ) : null}
      </div>
      {user.citizenIdMasked ? null : <VneidButton mode="link" returnTo={paths.profile} />}
    </Page>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
