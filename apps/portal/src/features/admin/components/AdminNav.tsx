import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { useAuth } from '../../../app/auth/auth-context';
import { paths } from '../../../app/paths';
import { ADMIN_SECTIONS } from './admin-sections';

function hasSubsection(path: string): boolean {
  return ADMIN_SECTIONS.some((other) => other.path.startsWith(`${path}/`));
}

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
            {/* A section stays marked on its own sub-pages (a batch), unless another section lives there. */}
            <NavLink to={section.path} end={hasSubsection(section.path)} className="sub-nav__link">
              {t(`admin.sections.${section.id}.title`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
