import './catalogue.css';

import { Route, Routes } from 'react-router';

import { NotFoundPage } from '../../app/layout/StatusPages';
import { CataloguePage } from './components/CataloguePage';
import { CoursePage } from './components/CoursePage';

/** Mounted at /courses/*, public: anyone may look before signing up. */
export default function CatalogueRoutes() {
  return (
    <Routes>
      <Route index element={<CataloguePage />} />
      <Route path=":slug" element={<CoursePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
