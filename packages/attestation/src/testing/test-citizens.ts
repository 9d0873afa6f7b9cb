/**
 * Fictional citizens of Điện Biên seeded into the VNeID simulator (apps/vneid-sim). Tests of any app sign
 * in as them and attest certificates for them; the simulator accepts a record only when its citizen id,
 * name and birth date match one of these.
 *
 * Citizen ids follow the real layout (Decree 137/2015/NĐ-CP): province code (011 = Điện Biên), a
 * digit for gender and century (0/1 = male/female born 1900–1999, 2/3 = born 2000–2099), the last two
 * digits of the birth year, then six digits. The last six are made up: these are not real people.
 */
export interface TestCitizen {
  citizenId: string;
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  /** VNeID identification level: 1 (registered online) or 2 (verified in person, chip ID card). */
  identificationLevel: 1 | 2;
  /** Commune-level unit of Điện Biên where they live (docs: dien-bien-communes). */
  commune: string;
}

/** The demo password every test citizen signs in with on the simulator's login page. */
export const VNEID_TEST_PASSWORD = 'vneid2026';

export const VNEID_TEST_CITIZENS: readonly TestCitizen[] = [
  {
    citizenId: '011068004127',
    fullName: 'Lò Văn Thắng',
    birthDate: '1968-03-14',
    gender: 'male',
    identificationLevel: 2,
    commune: 'Mường Ảng',
  },
  {
    citizenId: '011175012358',
    fullName: 'Quàng Thị Hoa',
    birthDate: '1975-09-02',
    gender: 'female',
    identificationLevel: 2,
    commune: 'Thanh Nưa',
  },
  {
    citizenId: '011090023671',
    fullName: 'Giàng A Pao',
    birthDate: '1990-11-20',
    gender: 'male',
    identificationLevel: 1,
    commune: 'Sín Chải',
  },
  {
    citizenId: '011301008842',
    fullName: 'Vừ Thị Mai',
    birthDate: '2001-05-17',
    gender: 'female',
    identificationLevel: 2,
    commune: 'Mường Nhé',
  },
  {
    citizenId: '011058031906',
    fullName: 'Lường Văn Minh',
    birthDate: '1958-01-25',
    gender: 'male',
    identificationLevel: 1,
    commune: 'Tuần Giáo',
  },
  {
    citizenId: '011186019452',
    fullName: 'Nguyễn Thị Thu Hà',
    birthDate: '1986-07-30',
    gender: 'female',
    identificationLevel: 2,
    commune: 'Điện Biên Phủ',
  },
  {
    citizenId: '011208027713',
    fullName: 'Cà Văn Dũng',
    birthDate: '2008-12-09',
    gender: 'male',
    identificationLevel: 2,
    commune: 'Mường Phăng',
  },
  {
    citizenId: '011163005580',
    fullName: 'Tòng Thị Én',
    birthDate: '1963-04-11',
    gender: 'female',
    identificationLevel: 1,
    commune: 'Na Sang',
  },
];

const FAMILY_NAMES = ['Lò', 'Quàng', 'Lường', 'Cà', 'Tòng', 'Vì', 'Giàng', 'Sùng', 'Mùa', 'Nguyễn'];
const MIDDLE_NAMES = ['Văn', 'Thị', 'A', 'Thị Thu', 'Văn Minh'];
const GIVEN_NAMES = [
  'Thắng',
  'Hoa',
  'Páo',
  'Dua',
  'Sơn',
  'Én',
  'Dũng',
  'Lan',
  'Hùng',
  'Mai',
  'Chính',
  'Xuân',
];

/**
 * `count` more made-up citizens for load tests (the simulator adds them with VNEID_SIM_GENERATED_CITIZENS;
 * benchmarks seed matching learners). Derived from the index alone, so both sides agree without sharing
 * a file: ids `011` + `1` + `90` + six digits (female, born 1990), names from common Điện Biên names.
 */
export function generatedCitizen(index: number): TestCitizen {
  if (!Number.isSafeInteger(index) || index < 0 || index > 999_999) {
    throw new RangeError(`A generated citizen index is 0…999999, not ${index}`);
  }
  const day = String((index % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(index / 28) % 12) + 1).padStart(2, '0');
  return {
    citizenId: `011190${String(index).padStart(6, '0')}`,
    fullName: [
      FAMILY_NAMES[index % FAMILY_NAMES.length],
      MIDDLE_NAMES[Math.floor(index / 10) % MIDDLE_NAMES.length],
      GIVEN_NAMES[Math.floor(index / 50) % GIVEN_NAMES.length],
    ].join(' '),
    birthDate: `1990-${month}-${day}`,
    gender: 'female',
    identificationLevel: 2,
    commune: 'Mường Thanh',
  };
}
