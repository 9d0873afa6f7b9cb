import { Permission, Role } from '@hocvu/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';

import { ADMIN_AREA_PERMISSIONS } from '../auth/admin-access';
import { useAuth } from '../auth/auth-context';
import { LEARNING_PERMISSIONS, STUDIO_PERMISSIONS } from '../auth/course-access';
import { paths } from '../paths';
import { LanguageSwitcher } from './LanguageSwitcher';

export function SiteHeader() {
  const { t } = useTranslation();
  const { session, can, signOut } = useAuth();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const showAdmin = ADMIN_AREA_PERMISSIONS.some((permission) => can(permission));
  const showLearning = LEARNING_PERMISSIONS.some((permission) => can(permission));
  const showStudio = STUDIO_PERMISSIONS.some((permission) => can(permission));
  // Learners show their QR code at community classes; staff have no use for one.
  const showMyQr = session.status === 'signedIn' && session.user.role === Role.Learner;

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      setSigningOut(false);
    }
    await navigate(paths.signOut, { replace: true });
  };

  return (
    <header className="site-header">
      <div className="site-header__bar container">
        <Link to={paths.home} className="brand">
          <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="6" fill="#ffffff" />
            <path d="M6 11l10-5 10 5-10 5z" fill="#a4161a" />
            <path d="M10 14v6c0 2 3 4 6 4s6-2 6-4v-6l-6 3z" fill="#6b0f12" />
          </svg>
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <LanguageSwitcher />
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul className="site-nav__list container">
          <li>
            <NavLink to={paths.home} end className="site-nav__link">
              {t('nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.catalogue} className="site-nav__link">
              {t('nav.courses')}
            </NavLink>
          </li>
          {session.status === 'signedOut' ? (
            <>
              <li>
                <NavLink to={paths.signIn} className="site-nav__link">
                  {t('nav.signIn')}
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.signUp} className="site-nav__link">
                  {t('nav.signUp')}
                </NavLink>
              </li>
            </>
          ) : null}
          {session.status === 'signedIn' ? (
            <>
              {showLearning ? (
                <li>
                  <NavLink to={paths.myLearning} className="site-nav__link">
                    {t('nav.myLearning')}
                  </NavLink>
                </li>
              ) : null}
              {showLearning ? (
                <li>
                  <NavLink to={paths.myCertificates} className="site-nav__link">
                    {t('nav.certificates')}
                  </NavLink>
                </li>
              ) : null}
              {showMyQr ? (
                <li>
                  <NavLink to={paths.myQr} className="site-nav__link">
                    {t('nav.myQr')}
                  </NavLink>
                </li>
              ) : null}
              {can(Permission.AmbassadorHelp) ? (
                <li>
                  <NavLink to={paths.helpedLearners} className="site-nav__link">
                    {t('nav.helped')}
                  </NavLink>
                </li>
              ) : null}
              {can(Permission.CommunitySessionManage) ? (
                <li>
                  <NavLink to={paths.communitySessions} className="site-nav__link">
                    {t('nav.communitySessions')}
                  </NavLink>
                </li>
              ) : null}
              {showStudio ? (
                <li>
                  <NavLink to={paths.studio} className="site-nav__link">
                    {t('nav.studio')}
                  </NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to={paths.profile} className="site-nav__link">
                  {t('nav.profile')}
                </NavLink>
              </li>
              {showAdmin ? (
                <li>
                  <NavLink to={paths.admin} className="site-nav__link">
                    {t('nav.admin')}
                  </NavLink>
                </li>
              ) : null}
              <li>
                <button
                  type="button"
                  className="site-nav__link site-nav__button"
                  onClick={() => void onSignOut()}
                  disabled={signingOut}
                >
                  {t('nav.signOut')}
                </button>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}
