/** The four roles of the platform. Order matters only for display. */
export const Role = {
  Learner: 'learner',
  Teacher: 'teacher',
  CommuneAdmin: 'commune_admin',
  ProvinceAdmin: 'province_admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

/** Roles that only a province admin may create (learners register themselves). */
export const STAFF_ROLES: readonly Role[] = [Role.Teacher, Role.CommuneAdmin, Role.ProvinceAdmin];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
