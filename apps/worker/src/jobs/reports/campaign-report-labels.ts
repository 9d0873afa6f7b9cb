import { CAMPAIGN_STAGES, CampaignStage, QUARTER_NUMERALS, TargetGroup } from '@hocvu/contracts';

import { CampaignReportFigures } from './campaign-report-figures';

/**
 * The report's words. Reports are the province's official paperwork, so they are in Vietnamese only
 * (the portal around them is bilingual).
 */
export const STAGE_LABELS: Readonly<Record<CampaignStage, string>> = {
  registered: 'Đăng ký',
  enrolled: 'Ghi danh',
  completed: 'Học xong',
  certified: 'Được cấp chứng nhận',
  confirmed: 'Xác nhận trên VNeID',
};

export const GROUP_LABELS: Readonly<Record<TargetGroup, string>> = {
  public_servant: 'Cán bộ, công chức, viên chức',
  student: 'Học sinh, sinh viên',
  enterprise_worker: 'Người lao động trong doanh nghiệp, hợp tác xã',
  citizen: 'Người dân',
};

export const groupLabel = (group: TargetGroup | null): string =>
  group ? GROUP_LABELS[group] : 'Chưa khai báo';

export const REPORT_TITLE = 'BÁO CÁO KẾT QUẢ PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”';

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const number = new Intl.NumberFormat('vi-VN');

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatNumber = (value: number): string => number.format(value);
export const formatPercent = (value: number | null | undefined): string =>
  value == null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

/** "Quý I/2026 — Tỉnh Điện Biên" */
export function reportSubtitle(figures: CampaignReportFigures): string {
  return `Quý ${QUARTER_NUMERALS[figures.quarter - 1]}/${figures.year} — ${figures.unit.title}`;
}

/** What the figures count to: the quarter's last moment, or the moment of a mid-quarter report. */
export function reportPeriodLine(figures: CampaignReportFigures): string {
  // The period end is exclusive: the quarter's figures run to the minute before it.
  const lastMinute = new Date(new Date(figures.periodEnd).getTime() - (figures.partial ? 0 : 60_000));
  const counted = `Số liệu lũy kế tính đến ${formatDateTime(lastMinute.toISOString())}`;
  return figures.partial ? `${counted} (quý chưa kết thúc)` : counted;
}

/** A file name for downloads: bao-cao-quy-1-2026-tinh-dien-bien.xlsx */
export function reportFileName(
  figures: Pick<CampaignReportFigures, 'year' | 'quarter' | 'unit'>,
  extension: string,
) {
  const slug = figures.unit.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `bao-cao-quy-${figures.quarter}-${figures.year}-${slug}.${extension}`;
}

export { CAMPAIGN_STAGES };
