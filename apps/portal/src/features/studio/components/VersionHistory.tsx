import { useTranslation } from 'react-i18next';

import { errorMessage } from '../../../shared/api/error-messages';
import { formatDateTime } from '../../../shared/format';
import { Alert } from '../../../shared/ui/Alert';
import { Loading } from '../../../shared/ui/Loading';
import { useCourseVersions } from '../hooks/use-studio';

/** Each publication, newest first: which version, when, by whom. */
export function VersionHistory({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, isPending } = useCourseVersions(courseId);
  const language = i18n.resolvedLanguage ?? 'vi';

  if (isPending) return <Loading />;
  if (error) return <Alert tone="error">{errorMessage(t, error)}</Alert>;
  if (data.length === 0) return <p className="muted">{t('studio.editor.noVersions')}</p>;
  const versions = [...data].sort((a, b) => b.version - a.version);
  return (
    <ol className="plain-list" reversed>
      {versions.map((version) => (
        <li key={version.version} className="plain-list__item plain-list__item--stacked">
          <span className="plain-list__text">{t('studio.version', { version: version.version })}</span>
          <span className="muted">
            {t('studio.editor.versionBy', {
              date: formatDateTime(version.publishedAt, language),
              name: version.publishedBy?.fullName ?? '—',
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
