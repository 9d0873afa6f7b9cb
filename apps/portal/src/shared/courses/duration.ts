import type { TFunction } from 'i18next';

/** 45 → "45 phút"; 80 → "1 giờ 20 phút"; 120 → "2 giờ". */
export function formatDuration(t: TFunction, totalMinutes: number | null | undefined): string {
  const minutes = Math.max(0, Math.round(totalMinutes ?? 0));
  if (minutes < 60) return t('duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0
    ? t('duration.hours', { count: hours })
    : t('duration.hoursMinutes', { hours, minutes: rest });
}
