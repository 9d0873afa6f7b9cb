/** The campaign's four target groups (Decision 757/QĐ-BKHCN; Điện Biên plan 3145/KH-UBND). */
export const TargetGroup = {
  PublicServant: 'public_servant',
  Student: 'student',
  EnterpriseWorker: 'enterprise_worker',
  Citizen: 'citizen',
} as const;
export type TargetGroup = (typeof TargetGroup)[keyof typeof TargetGroup];
export const TARGET_GROUPS: readonly TargetGroup[] = Object.values(TargetGroup);

export const Gender = {
  Female: 'female',
  Male: 'male',
  Other: 'other',
} as const;
export type Gender = (typeof Gender)[keyof typeof Gender];
export const GENDERS: readonly Gender[] = Object.values(Gender);

/** Administrative unit levels after the 2025 two-level reform: province → commune/ward → village. */
export const AdminUnitKind = {
  Province: 'province',
  Commune: 'commune',
  Ward: 'ward',
  Village: 'village',
} as const;
export type AdminUnitKind = (typeof AdminUnitKind)[keyof typeof AdminUnitKind];
export const ADMIN_UNIT_KINDS: readonly AdminUnitKind[] = Object.values(AdminUnitKind);

export const UserStatus = {
  Active: 'active',
  Disabled: 'disabled',
} as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

/** UI languages with full catalogues. Content languages are configured separately by admins. */
export const UI_LANGUAGES = ['vi', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'vi';
