import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { Page } from '../../../shared/ui/Page';
import { ADMIN_SECTIONS } from './admin-sections';

export function AdminHomePage() {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const sections = ADMIN_SECTIONS.filter((section) => section.anyOf.some((permission) => can(permission)));
  return (
    <Page
      title={t('admin.home.title')}
      lead={user ? t('admin.home.lead', { role: t(`role.${user.role}`) }) : undefined}
    >
      <ul className="link-cards">
        {sections.map((section) => (
          <li key={section.id}>
            <Link className="link-card" to={section.path}>
              <span className="link-card__title">{t(`admin.sections.${section.id}.title`)}</span>
              <span className="link-card__text">{t(`admin.sections.${section.id}.description`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
