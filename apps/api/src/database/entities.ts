import { AdminUnit } from '../modules/admin-units/admin-unit.entity';
import { AuditLogEntry } from '../modules/audit/audit-log-entry.entity';
import { AuthSession } from '../modules/auth/auth-session.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { User } from '../modules/users/user.entity';

export const ENTITIES = [AdminUnit, AuditLogEntry, AuthSession, RefreshToken, User];
