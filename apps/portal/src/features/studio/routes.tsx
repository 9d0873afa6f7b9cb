import './studio.css';

import { Route, Routes } from 'react-router';

import { NotFoundPage } from '../../app/layout/StatusPages';
import { CourseEditorPage } from './components/CourseEditorPage';
import { LessonEditorPage } from './components/LessonEditorPage';
import { NewCoursePage } from './components/NewCoursePage';
import { StudioHomePage } from './components/StudioHomePage';

/** Mounted at /studio/* behind RequireAuth and course.author; the API checks each course's editors. */
export default function StudioRoutes() {
  return (
    <Routes>
      <Route index element={<StudioHomePage />} />
      <Route path="courses/new" element={<NewCoursePage />} />
      <Route path="courses/:courseId" element={<CourseEditorPage />} />
      <Route path="lessons/:lessonId" element={<LessonEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
