import './verify.css';

import { Route, Routes } from 'react-router';

import { NotFoundPage } from '../../app/layout/StatusPages';
import { VerifyCertificatePage } from './components/VerifyCertificatePage';
import { VerifyHomePage } from './components/VerifyHomePage';

/**
 * Mounted at /verify/*, outside RequireAuth: whoever is shown a certificate (an employer, a commune
 * office) checks it here, usually by scanning its QR code on a phone. Kept small and library-free.
 */
export default function VerifyRoutes() {
  return (
    <Routes>
      <Route index element={<VerifyHomePage />} />
      <Route path=":serial" element={<VerifyCertificatePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
