import { AdminUnit } from '../modules/admin-units/admin-unit.entity';
import { AuditLogEntry } from '../modules/audit/audit-log-entry.entity';
import { AuthSession } from '../modules/auth/auth-session.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Course, CourseLesson, CourseSection } from '../modules/courses/course.entity';
import { ContentLanguage } from '../modules/languages/content-language.entity';
import { User } from '../modules/users/user.entity';

export const ENTITIES = [
  AdminUnit,
  AuditLogEntry,
  AuthSession,
  ContentLanguage,
  Course,
  CourseLesson,
  CourseSection,
  RefreshToken,
  User,
];
