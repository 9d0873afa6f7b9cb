import './studio.css';

import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';

import { NotFoundPage } from '../../app/layout/StatusPages';
import { Loading } from '../../shared/ui/Loading';
import { CourseEditorPage } from './components/CourseEditorPage';
import { LessonEditorPage } from './components/LessonEditorPage';
import { NewCoursePage } from './components/NewCoursePage';
import { StudioHomePage } from './components/StudioHomePage';

// The question bank (editor, import, learner preview) has a chunk of its own: opening a course does not load it.
const QuestionBankPage = lazy(() =>
  import('./components/questions/QuestionBankPage').then((module) => ({ default: module.QuestionBankPage })),
);

/** Mounted at /studio/* behind RequireAuth and course.author; the API checks each course's editors. */
export default function StudioRoutes() {
  return (
    <Routes>
      <Route index element={<StudioHomePage />} />
      <Route path="courses/new" element={<NewCoursePage />} />
      <Route path="courses/:courseId" element={<CourseEditorPage />} />
      <Route
        path="courses/:courseId/questions"
        element={
          <Suspense fallback={<Loading />}>
            <QuestionBankPage />
          </Suspense>
        }
      />
      <Route path="lessons/:lessonId" element={<LessonEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
