import './learning.css';

import { Route, Routes } from 'react-router';

import { NotFoundPage } from '../../app/layout/StatusPages';
import { LearnerOutlinePage } from './components/LearnerOutlinePage';
import { LessonReaderPage } from './components/LessonReaderPage';
import { MyLearningPage } from './components/MyLearningPage';

/** Mounted at /learning/* behind RequireAuth: the courses I follow. */
export default function MyLearningRoutes() {
  return (
    <Routes>
      <Route index element={<MyLearningPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Mounted at /learn/* behind RequireAuth: one course's outline and its lessons. Same chunk as above. */
export function LearnRoutes() {
  return (
    <Routes>
      <Route path=":courseId" element={<LearnerOutlinePage />} />
      <Route path=":courseId/lessons/:lessonId" element={<LessonReaderPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
