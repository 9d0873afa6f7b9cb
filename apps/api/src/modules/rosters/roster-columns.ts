/**
 * The columns of a roster file: the Vietnamese header the template uses, the other spellings the
 * import accepts (an English alias each, and common short forms), and what goes in each. The template
 * and the parser both read this list, so they cannot drift apart.
 */

export type RosterField =
  | 'fullName'
  | 'phone'
  | 'citizenId'
  | 'birthDate'
  | 'gender'
  | 'commune'
  | 'village'
  | 'targetGroup'
  | 'consent'
  | 'disability'
  | 'ethnicGroup'
  | 'householdId';

export interface RosterColumn {
  field: RosterField;
  /** The header of the template, and the column name in every row report. */
  header: string;
  /** Other headers read as this column (compared without diacritics, case or punctuation). */
  aliases: readonly string[];
  /** What to write, for the template's guide sheet. */
  guide: string;
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    field: 'fullName',
    header: 'họ và tên',
    aliases: ['full name', 'full_name', 'họ tên', 'name'],
    guide: 'Họ và tên đầy đủ (bắt buộc, tối đa 120 ký tự).',
  },
  {
    field: 'phone',
    header: 'số điện thoại',
    aliases: ['phone', 'điện thoại', 'sđt', 'sdt'],
    guide:
      'Số di động Việt Nam, ví dụ 0912345678 hoặc +84912345678. Mỗi dòng cần số điện thoại hoặc số định danh (hoặc cả hai).',
  },
  {
    field: 'citizenId',
    header: 'số định danh',
    aliases: ['citizen id', 'citizen_id', 'số định danh cá nhân', 'cccd', 'số cccd', 'căn cước'],
    guide: 'Số định danh cá nhân (số Căn cước) 12 chữ số; không bắt buộc. Được mã hoá khi lưu.',
  },
  {
    field: 'birthDate',
    header: 'ngày sinh',
    aliases: ['birth date', 'birth_date', 'date of birth'],
    guide: 'Ngày sinh: 15/08/1965 (ngày/tháng/năm) hoặc 1965-08-15; không bắt buộc. Được mã hoá khi lưu.',
  },
  {
    field: 'gender',
    header: 'giới tính',
    aliases: ['gender'],
    guide: 'nam, nữ hoặc khác; không bắt buộc.',
  },
  {
    field: 'commune',
    header: 'xã/phường',
    aliases: ['commune', 'xã phường', 'xã', 'phường', 'mã xã'],
    guide:
      'Tên hoặc mã xã/phường (bắt buộc), ví dụ Mường Ảng hoặc 03313. Cán bộ xã chỉ nhập được người của xã mình.',
  },
  {
    field: 'village',
    header: 'thôn/bản',
    aliases: ['village', 'thôn bản', 'thôn', 'bản', 'tổ dân phố'],
    guide: 'Tên thôn, bản hoặc tổ dân phố thuộc xã/phường đó; không bắt buộc.',
  },
  {
    field: 'targetGroup',
    header: 'nhóm đối tượng',
    aliases: ['target group', 'target_group', 'đối tượng'],
    guide:
      'cán bộ/công chức, học sinh/sinh viên, người lao động doanh nghiệp hoặc người dân ' +
      '(hoặc mã public_servant, student, enterprise_worker, citizen); không bắt buộc.',
  },
  {
    field: 'consent',
    header: 'đồng ý cung cấp thông tin',
    aliases: ['consent', 'đồng ý'],
    guide:
      'có nếu người học đã đồng ý cung cấp ba thông tin tiếp theo (khuyết tật, dân tộc, mã hộ gia đình) để thống kê; ' +
      'nếu không, ba cột đó được bỏ qua.',
  },
  {
    field: 'disability',
    header: 'khuyết tật',
    aliases: ['disability'],
    guide: 'có/không — người học tự khai; chỉ lưu khi đã đồng ý.',
  },
  {
    field: 'ethnicGroup',
    header: 'dân tộc',
    aliases: ['ethnic group', 'ethnic_group'],
    guide: 'Ví dụ Thái, Mông, Kinh (tối đa 40 ký tự); chỉ lưu khi đã đồng ý.',
  },
  {
    field: 'householdId',
    header: 'mã hộ gia đình',
    aliases: ['household id', 'household_id', 'mã hộ'],
    guide: 'Mã hộ gia đình để tính "gia đình số" (tối đa 40 ký tự); chỉ lưu khi đã đồng ý.',
  },
];

/** The optional attributes that are kept only with the learner's consent (ck_users_attributes_consent). */
export const CONSENTED_FIELDS: readonly RosterField[] = ['disability', 'ethnicGroup', 'householdId'];

export function columnOf(field: RosterField): RosterColumn {
  return ROSTER_COLUMNS.find((column) => column.field === field) as RosterColumn;
}

/** A header or a cell reduced for comparison: no diacritics (đ → d), lower case, letters and digits only. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A cell's text as stored: NFC, no control characters, spaces collapsed and trimmed (rosters, village lists). */
export function cleanCell(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
