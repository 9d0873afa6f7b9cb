import { CourseStatus, ErrorCode } from '@hocvu/contracts';
import { HttpStatus } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { AppError } from '../../common/errors/app-error';

/** Enrolment is open only while the course is published (self, bulk and roster enrolment alike). */
export async function assertCourseOpen(db: DataSource | EntityManager, courseId: string): Promise<void> {
  const [course] = await db.query<{ status: string }[]>('SELECT status FROM courses WHERE id = $1', [
    courseId,
  ]);
  if (!course) throw AppError.notFound(ErrorCode.CourseNotFound, 'No such course');
  if (course.status !== CourseStatus.Published) {
    throw new AppError(
      ErrorCode.CourseNotOpen,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'This course is not open for enrolment',
    );
  }
}
