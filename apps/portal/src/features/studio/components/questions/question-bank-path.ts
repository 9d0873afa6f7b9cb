import { paths } from '../../../../app/paths';

/** The question bank of a course, under its editor (kept apart so links do not load the page's code). */
export function questionBankPath(courseId: string): string {
  return `${paths.studioCourse(courseId)}/questions`;
}
