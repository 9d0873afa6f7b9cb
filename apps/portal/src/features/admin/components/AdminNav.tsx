import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { ADMIN_SECTIONS } from './admin-sections';

/** The admin area's own menu: only the sections this person may open. */
export function AdminNav() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const sections = ADMIN_SECTIONS.filter((section) => section.anyOf.some((permission) => can(permission)));
  return (
    <nav className="sub-nav" aria-label={t('admin.navLabel')}>
      <ul className="sub-nav__list">
        <li>
          <NavLink to={paths.admin} end className="sub-nav__link">
            {t('admin.home.title')}
          </NavLink>
        </li>
        {sections.map((section) => (
          <li key={section.id}>
            <NavLink to={section.path} end className="sub-nav__link">
              {t(`admin.sections.${section.id}.title`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
