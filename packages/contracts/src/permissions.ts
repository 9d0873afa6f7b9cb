import { Role } from './roles';

/**
 * Every permission the API enforces. Endpoints name one of these with `@RequirePermission(...)`;
 * the portal hides UI with the same list, so the two can never drift apart.
 */
export const Permission = {
  ProfileRead: 'profile.read',
  ProfileUpdate: 'profile.update',
  UserList: 'user.list',
  UserRead: 'user.read',
  UserCreateStaff: 'user.create_staff',
  UserResetPassword: 'user.reset_password',
  AdminUnitImport: 'admin_unit.import',
  AuditLogRead: 'audit_log.read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS: readonly Permission[] = Object.values(Permission);

const SELF_SERVICE: readonly Permission[] = [Permission.ProfileRead, Permission.ProfileUpdate];

/** The role → permission table. A role gets nothing that is not listed here. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Learner]: SELF_SERVICE,
  [Role.Teacher]: SELF_SERVICE,
  [Role.CommuneAdmin]: [
    ...SELF_SERVICE,
    Permission.UserList,
    Permission.UserRead,
    Permission.UserResetPassword,
  ],
  [Role.ProvinceAdmin]: [
    ...SELF_SERVICE,
    Permission.UserList,
    Permission.UserRead,
    Permission.UserCreateStaff,
    Permission.UserResetPassword,
    Permission.AdminUnitImport,
    Permission.AuditLogRead,
  ],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
