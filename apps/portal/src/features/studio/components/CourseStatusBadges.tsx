import type { CourseStatus } from '@hocvu/contracts';
import { useTranslation } from 'react-i18next';

/** "Bản nháp" / "Đã xuất bản", and "Có thay đổi chưa xuất bản" when the draft is ahead. */
export function CourseStatusBadges({
  status,
  hasUnpublishedChanges,
}: {
  status: CourseStatus;
  hasUnpublishedChanges: boolean;
}) {
  const { t } = useTranslation();
  return (
    <p className="badges">
      <span className={`badge badge--${status}`}>{t(`courseStatus.${status}`)}</span>
      {hasUnpublishedChanges && status !== 'draft' ? (
        <span className="badge badge--changes">{t('courseStatus.unpublishedChanges')}</span>
      ) : null}
    </p>
  );
}
