import { Gender, Role, TargetGroup } from '@hocvu/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { AdminUnitsService } from '../modules/admin-units/admin-units.service';
import { CourseStudioService } from '../modules/courses/course-studio.service';
import { QuestionBankService } from '../modules/questions/question-bank.service';
import { AccountFieldsDto } from '../modules/users/dto/user.dto';
import { UsersService } from '../modules/users/users.service';
import { seedDemoCourses } from './demo-courses';

export const DEMO_PROVINCE = { code: '11', name: 'Điện Biên' };

/** Where the commune list comes from: an explicit file, the shared campaign data, or the bundled copy. */
export function communesCsvPath(explicit?: string): string {
  const candidates = [
    explicit,
    '../shared/data/dien-bien-communes.csv',
    'apps/api/seed-data/dien-bien-communes.csv',
  ]
    .filter((candidate): candidate is string => Boolean(candidate))
    .map((candidate) => resolve(process.cwd(), candidate));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`No communes CSV found; looked at:\n  ${candidates.join('\n  ')}`);
  return found;
}

export interface DemoAccount {
  label: string;
  role: Role;
  phone: string;
  password: string;
  fullName: string;
  communeName?: string;
  targetGroup?: TargetGroup;
  gender?: Gender;
  birthDate?: string;
}

/** Demo logins printed by `npm start`. Only for demo installs: never run the demo seed in production. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    label: 'Province admin',
    role: Role.ProvinceAdmin,
    phone: '0911000001',
    password: 'hocvu2026',
    fullName: 'Nguyễn Thị Thu Hà',
    gender: Gender.Female,
  },
  {
    label: 'Commune admin',
    role: Role.CommuneAdmin,
    phone: '0911000002',
    password: 'hocvu2026',
    fullName: 'Lường Văn Thắng',
    communeName: 'Mường Ảng',
    gender: Gender.Male,
  },
  {
    label: 'Teacher',
    role: Role.Teacher,
    phone: '0911000003',
    password: 'hocvu2026',
    fullName: 'Lò Thị Mai',
    communeName: 'Mường Thanh',
    gender: Gender.Female,
  },
  {
    // Skill-certificate batches need a second admin to approve what the first prepared (four eyes).
    label: 'Province admin (approver)',
    role: Role.ProvinceAdmin,
    phone: '0911000005',
    password: 'hocvu2026',
    fullName: 'Vì Thị Lan',
    gender: Gender.Female,
  },
  {
    label: 'Learner, digital ambassador',
    role: Role.Learner,
    phone: '0911000004',
    password: 'hocvu2026',
    fullName: 'Quàng Văn Hùng',
    communeName: 'Mường Ảng',
    targetGroup: TargetGroup.Citizen,
    gender: Gender.Male,
    birthDate: '1961-09-02',
  },
];

/**
 * Sample villages (thôn/bản, plausible Thái names) of Mường Ảng, so the roster's village column and the
 * profile's village choice have something to show. Demo data, not the commune's real list: their codes
 * say DEMO, and they are added only when the commune has no village yet (a real import wins).
 */
export const DEMO_VILLAGES = {
  communeName: 'Mường Ảng',
  names: ['Bản Co Củ', 'Bản Hồng Sọt', 'Bản Noong Háng', 'Bản Hua Nạ', 'Bản Món', 'Tổ dân phố 1'],
};

export interface SeedResult {
  units: { created: number; updated: number };
  villagesCreated: number;
  accountsCreated: number;
  coursesCreated: number;
}

/** Idempotent: units are upserted by code, accounts are created only when their phone is free. */
export async function seedDemo(
  units: AdminUnitsService,
  users: UsersService,
  studio: CourseStudioService,
  questions: QuestionBankService,
  csvPath?: string,
): Promise<SeedResult> {
  const csv = readFileSync(communesCsvPath(csvPath), 'utf8');
  const unitResult = await units.importCsv(DEMO_PROVINCE.code, DEMO_PROVINCE.name, csv);
  const communes = await units.list({});
  const villageCommune = communes.find(
    (unit) => unit.name === DEMO_VILLAGES.communeName && unit.kind !== 'province',
  );
  const villagesCreated = villageCommune
    ? await units.addVillagesIfNone(
        villageCommune.id,
        DEMO_VILLAGES.names.map((name, index) => ({
          code: `${villageCommune.code}-DEMO-${String(index + 1).padStart(2, '0')}`,
          name,
        })),
      )
    : 0;
  let accountsCreated = 0;
  for (const account of DEMO_ACCOUNTS) {
    const phone = `+84${account.phone.slice(1)}`;
    if (await users.findByLogin({ phone })) continue;
    const dto: AccountFieldsDto = {
      fullName: account.fullName,
      phone,
      password: account.password,
      communeId: communes.find((unit) => unit.name === account.communeName && unit.kind !== 'province')?.id,
      targetGroup: account.targetGroup,
      gender: account.gender,
      birthDate: account.birthDate,
      preferredLanguage: 'vi',
    };
    await users.createAccountAs(dto, account.role, null);
    accountsCreated += 1;
  }
  const teacher = await users.findByLogin({ phone: '+84911000003' });
  const coursesCreated = teacher ? await seedDemoCourses(studio, questions, teacher.id) : 0;
  return { units: unitResult, villagesCreated, accountsCreated, coursesCreated };
}
