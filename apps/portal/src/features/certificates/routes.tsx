import './certificates.css';

import { Route, Routes } from 'react-router';

import { NotFoundPage } from '../../app/layout/StatusPages';
import { CertificatePage } from './components/CertificatePage';
import { MyCertificatesPage } from './components/MyCertificatesPage';

/** Mounted at /certificates/* behind RequireAuth: the signed-in learner's certificates. */
export default function CertificateRoutes() {
  return (
    <Routes>
      <Route index element={<MyCertificatesPage />} />
      <Route path=":serial" element={<CertificatePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
