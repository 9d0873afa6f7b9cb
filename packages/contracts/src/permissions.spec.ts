import { Permission, PERMISSIONS, ROLE_PERMISSIONS, roleHasPermission } from './permissions';
import { Role, ROLES } from './roles';

describe('role permissions', () => {
  it('gives every role its own profile and nothing unknown', () => {
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role]).toContain(Permission.ProfileRead);
      for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
    }
  });

  it('keeps staff creation and unit import with the province admin only', () => {
    for (const role of ROLES) {
      const expected = role === Role.ProvinceAdmin;
      expect(roleHasPermission(role, Permission.UserCreateStaff)).toBe(expected);
      expect(roleHasPermission(role, Permission.AdminUnitImport)).toBe(expected);
    }
  });

  it('does not let learners or teachers list users', () => {
    expect(roleHasPermission(Role.Learner, Permission.UserList)).toBe(false);
    expect(roleHasPermission(Role.Teacher, Permission.UserList)).toBe(false);
  });
});
