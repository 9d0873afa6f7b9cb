import { Route, Routes } from 'react-router';

import { NotFoundPage } from '../../app/layout/StatusPages';
import { ChangePasswordPage } from './components/ChangePasswordPage';
import { EditProfilePage } from './components/EditProfilePage';
import { InclusionPage } from './components/InclusionPage';
import { ProfilePage } from './components/ProfilePage';

/** Mounted at /profile/* behind RequireAuth. */
export default function ProfileRoutes() {
  return (
    <Routes>
      <Route index element={<ProfilePage />} />
      <Route path="edit" element={<EditProfilePage />} />
      <Route path="password" element={<ChangePasswordPage />} />
      <Route path="inclusion" element={<InclusionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
