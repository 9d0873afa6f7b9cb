export type CertificatePdfLanguage = 'vi' | 'en';
export type CertificateKind = 'course' | 'skill';

export interface CertificateLabels {
  title: string;
  subtitle: string;
  /** Before the learner's name. */
  certifies: string;
  /** Between the learner's name and the course or programme. */
  completed: string;
  serial: string;
  verifyAt: string;
  /** PDF document title, followed by the serial. */
  documentTitle: string;
}

const LABELS: Record<CertificatePdfLanguage, Record<CertificateKind, CertificateLabels>> = {
  vi: {
    course: {
      title: 'GIẤY CHỨNG NHẬN',
      subtitle: 'HOÀN THÀNH KHOÁ HỌC',
      certifies: 'Chứng nhận',
      completed: 'đã hoàn thành và đạt yêu cầu khoá học',
      serial: 'Số hiệu',
      verifyAt: 'Tra cứu và xác thực tại',
      documentTitle: 'Giấy chứng nhận hoàn thành khoá học',
    },
    skill: {
      title: 'GIẤY CHỨNG NHẬN',
      subtitle: 'HOÀN THÀNH CHƯƠNG TRÌNH KỸ NĂNG',
      certifies: 'Chứng nhận',
      completed: 'đã hoàn thành và đạt yêu cầu chương trình',
      serial: 'Số hiệu',
      verifyAt: 'Tra cứu và xác thực tại',
      documentTitle: 'Giấy chứng nhận hoàn thành chương trình kỹ năng',
    },
  },
  en: {
    course: {
      title: 'CERTIFICATE',
      subtitle: 'OF COURSE COMPLETION',
      certifies: 'This is to certify that',
      completed: 'has successfully completed the course',
      serial: 'Certificate no.',
      verifyAt: 'Verify at',
      documentTitle: 'Certificate of course completion',
    },
    skill: {
      title: 'CERTIFICATE',
      subtitle: 'OF SKILLS PROGRAMME COMPLETION',
      certifies: 'This is to certify that',
      completed: 'has successfully completed the skills programme',
      serial: 'Certificate no.',
      verifyAt: 'Verify at',
      documentTitle: 'Certificate of skills programme completion',
    },
  },
};

export function certificateLabels(
  language: CertificatePdfLanguage,
  kind: CertificateKind,
): CertificateLabels {
  return LABELS[language][kind];
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The date line above the issuer, as Vietnamese documents write it: "Điện Biên, ngày 7 tháng 12 năm
 * 2026" ("Ngày 7 tháng 12 năm 2026" without a place); in English "Điện Biên, 7 December 2026". The day
 * is the calendar day in Vietnam: a course finished at 20:00 UTC was finished the next morning there.
 * A fixed offset rather than Intl time zones keeps the output independent of the ICU data Node ships.
 */
export function formatCertificateDate(date: Date, language: CertificatePdfLanguage, place?: string): string {
  const local = new Date(date.getTime() + VIETNAM_UTC_OFFSET_MS);
  const day = local.getUTCDate();
  const month = local.getUTCMonth() + 1;
  const year = local.getUTCFullYear();
  const hasPlace = place !== undefined && place.trim() !== '';
  switch (language) {
    case 'vi':
      return hasPlace
        ? `${place.trim()}, ngày ${day} tháng ${month} năm ${year}`
        : `Ngày ${day} tháng ${month} năm ${year}`;
    case 'en': {
      const text = `${day} ${EN_MONTHS[month - 1]} ${year}`;
      return hasPlace ? `${place.trim()}, ${text}` : text;
    }
  }
}
