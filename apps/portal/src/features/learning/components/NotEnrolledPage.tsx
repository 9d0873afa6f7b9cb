import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '../../../app/paths';
import { Page } from '../../../shared/ui/Page';

/** Someone opened a course they have not enrolled in (an old link, another person's phone). */
export function NotEnrolledPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('learning.notEnrolledTitle')} lead={t('learning.notEnrolledBody')}>
      <div className="actions">
        <Link className="button" to={paths.catalogue}>
          {t('learning.browse')}
        </Link>
        <Link className="button button--secondary" to={paths.myLearning}>
          {t('learning.title')}
        </Link>
      </div>
    </Page>
  );
}
