export * from './attempts';
export * from './course-progress';
export * from './lesson-completions';
export * from './sql';
