import { Permission } from '@hocvu/contracts';

/** Holding any of these opens the teacher studio (the API also checks ownership of each course). */
export const STUDIO_PERMISSIONS: readonly Permission[] = [Permission.CourseAuthor];

/** Enrolling and following courses: every signed-in role holds this today, but the API checks it. */
export const LEARNING_PERMISSIONS: readonly Permission[] = [Permission.LearningAccess];
