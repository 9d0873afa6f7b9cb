import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ADMIN_AREA_PERMISSIONS } from '../../../app/auth/admin-access';
import { useAuth } from '../../../app/auth/auth-context';
import { LEARNING_PERMISSIONS, STUDIO_PERMISSIONS } from '../../../app/auth/course-access';
import { paths } from '../../../app/paths';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { Page } from '../../../shared/ui/Page';

const SKILLS = ['phone', 'publicServices', 'payments', 'safety'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { session, can } = useAuth();

  if (session.status === 'restoring') return <Loading />;

  if (session.status === 'signedIn') {
    const { user } = session;
    return (
      <Page
        title={t('home.title')}
        heading={t('home.welcome', { name: user.fullName })}
        lead={t('home.welcomeLead')}
      >
        {user.mustChangePassword ? (
          <Alert tone="warning">
            {t('home.mustChangePassword')}{' '}
            <Link to={paths.changePassword}>{t('profile.password.title')}</Link>
          </Alert>
        ) : null}
        <ul className="link-cards">
          <li>
            <Link className="link-card" to={paths.catalogue}>
              <span className="link-card__title">{t('home.cards.courses')}</span>
              <span className="link-card__text">{t('home.cards.coursesText')}</span>
            </Link>
          </li>
          {LEARNING_PERMISSIONS.some((permission) => can(permission)) ? (
            <li>
              <Link className="link-card" to={paths.myLearning}>
                <span className="link-card__title">{t('home.cards.myLearning')}</span>
                <span className="link-card__text">{t('home.cards.myLearningText')}</span>
              </Link>
            </li>
          ) : null}
          {LEARNING_PERMISSIONS.some((permission) => can(permission)) ? (
            <li>
              <Link className="link-card" to={paths.myCertificates}>
                <span className="link-card__title">{t('home.cards.certificates')}</span>
                <span className="link-card__text">{t('home.cards.certificatesText')}</span>
              </Link>
            </li>
          ) : null}
          {STUDIO_PERMISSIONS.some((permission) => can(permission)) ? (
            <li>
              <Link className="link-card" to={paths.studio}>
                <span className="link-card__title">{t('home.cards.studio')}</span>
                <span className="link-card__text">{t('home.cards.studioText')}</span>
              </Link>
            </li>
          ) : null}
          <li>
            <Link className="link-card" to={paths.profile}>
              <span className="link-card__title">{t('home.cards.profile')}</span>
              <span className="link-card__text">{t('home.cards.profileText')}</span>
            </Link>
          </li>
          {ADMIN_AREA_PERMISSIONS.some((permission) => can(permission)) ? (
            <li>
              <Link className="link-card" to={paths.admin}>
                <span className="link-card__title">{t('home.cards.admin')}</span>
                <span className="link-card__text">{t('home.cards.adminText')}</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </Page>
    );
  }

  return (
    <Page title={t('home.title')} heading={t('home.heading')} lead={t('home.lead')}>
      <div className="actions">
        <Link className="button" to={paths.signUp}>
          {t('home.signUpCta')}
        </Link>
        <Link className="button button--secondary" to={paths.signIn}>
          {t('home.signInCta')}
        </Link>
        <Link className="button button--secondary" to={paths.catalogue}>
          {t('home.browseCta')}
        </Link>
      </div>
      <section className="section" aria-labelledby="home-skills">
        <h2 id="home-skills">{t('home.skillsTitle')}</h2>
        <ul className="feature-list">
          {SKILLS.map((skill) => (
            <li key={skill}>{t(`home.skills.${skill}`)}</li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="home-who">
        <h2 id="home-who">{t('home.whoTitle')}</h2>
        <p>{t('home.whoBody')}</p>
      </section>
      <section className="section" aria-labelledby="home-help">
        <h2 id="home-help">{t('home.helpTitle')}</h2>
        <p>{t('home.helpBody')}</p>
      </section>
    </Page>
  );
}
