import { ErrorCode, Role } from '@hocvu/contracts';
import { HttpStatus } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { Course } from './course.entity';

/**
 * Loads a course for editing: only its owner, its co-teachers and province admins may change it.
 * With `lock`, the row is locked for the rest of the transaction so concurrent edits serialise.
 */
export async function loadCourseForEdit(
  manager: EntityManager,
  courseId: string,
  actor: AuthUser,
  lock = false,
): Promise<Course> {
  const course = await manager.findOne(Course, {
    where: { id: courseId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!course) throw AppError.notFound(ErrorCode.CourseNotFound, 'No such course');
  if (actor.role === Role.ProvinceAdmin || course.ownerId === actor.id) return course;
  const rows = await manager.query<unknown[]>(
    'SELECT 1 FROM course_co_teachers WHERE course_id = $1 AND user_id = $2',
    [courseId, actor.id],
  );
  if (rows.length === 0) {
    throw new AppError(
      ErrorCode.NotCourseEditor,
      HttpStatus.FORBIDDEN,
      'Only the course owner and co-teachers may edit it',
    );
  }
  return course;
}
