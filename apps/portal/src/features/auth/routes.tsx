import { Route, Routes } from 'react-router';

import { NotFoundPage } from '../../app/layout/StatusPages';
import { SignInPage } from './components/SignInPage';
import { SignOutPage } from './components/SignOutPage';
import { SignUpPage } from './components/SignUpPage';
import { VneidLandingPage } from './components/VneidLandingPage';

/** Mounted at /auth/*. */
export default function AuthRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route path="sign-up" element={<SignUpPage />} />
      <Route path="sign-out" element={<SignOutPage />} />
      <Route path="vneid" element={<VneidLandingPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
