import { type ComponentType, lazy, type LazyExoticComponent, Suspense } from 'react';
import { Route, Routes } from 'react-router';

import { Loading } from '../shared/ui/Loading';
import { ADMIN_AREA_PERMISSIONS } from './auth/admin-access';
import { LEARNING_PERMISSIONS, STUDIO_PERMISSIONS } from './auth/course-access';
import { RequireAuth, RequirePermission } from './auth/guards';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './layout/StatusPages';

// Each feature is its own chunk, downloaded the first time one of its pages is opened.
const HomeRoutes = lazy(() => import('../features/home/routes'));
const AuthRoutes = lazy(() => import('../features/auth/routes'));
const ProfileRoutes = lazy(() => import('../features/profile/routes'));
const AdminRoutes = lazy(() => import('../features/admin/routes'));
const CatalogueRoutes = lazy(() => import('../features/catalogue/routes'));
const StudioRoutes = lazy(() => import('../features/studio/routes'));
const CertificateRoutes = lazy(() => import('../features/certificates/routes'));
// My QR code, a digital ambassador's learners, community sessions: each page checks its own permission.
const CommunityRoutes = lazy(() => import('../features/community/routes'));
// Opened by people scanning a certificate's QR code, often signed out: its own small chunk.
const VerifyRoutes = lazy(() => import('../features/verify/routes'));
// One chunk mounted twice: the list of my courses (/learning) and the course being followed (/learn/…).
const MyLearningRoutes = lazy(() => import('../features/learning/routes'));
const LearnRoutes = lazy(() =>
  import('../features/learning/routes').then((module) => ({ default: module.LearnRoutes })),
);

/**
 * A fresh Suspense boundary per feature, so that opening a feature not yet downloaded shows "loading"
 * at once instead of leaving the old page on screen, silently, while a slow connection fetches it.
 */
function feature(Routes: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Loading />}>
      <Routes />
    </Suspense>
  );
}

/**
 * The portal's one route table. Features own their sub-routes (`features/<feature>/routes.tsx`);
 * this file decides where each is mounted and who may open it.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={feature(HomeRoutes)} />
        <Route path="auth/*" element={feature(AuthRoutes)} />
        <Route path="profile/*" element={<RequireAuth>{feature(ProfileRoutes)}</RequireAuth>} />
        <Route path="courses/*" element={feature(CatalogueRoutes)} />
        <Route
          path="learning/*"
          element={
            <RequireAuth>
              <RequirePermission anyOf={LEARNING_PERMISSIONS}>{feature(MyLearningRoutes)}</RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="learn/*"
          element={
            <RequireAuth>
              <RequirePermission anyOf={LEARNING_PERMISSIONS}>{feature(LearnRoutes)}</RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="certificates/*"
          element={
            <RequireAuth>
              <RequirePermission anyOf={LEARNING_PERMISSIONS}>{feature(CertificateRoutes)}</RequirePermission>
            </RequireAuth>
          }
        />
        <Route path="community/*" element={<RequireAuth>{feature(CommunityRoutes)}</RequireAuth>} />
        {/* Public: anyone (an employer, a commune office) checks a certificate without an account. */}
        <Route path="verify/*" element={feature(VerifyRoutes)} />
        <Route
          path="studio/*"
          element={
            // Like the admin area: only course authors download the studio chunk.
            <RequireAuth>
              <RequirePermission anyOf={STUDIO_PERMISSIONS}>{feature(StudioRoutes)}</RequirePermission>
            </RequireAuth>
          }
        />
        <Route
          path="admin/*"
          element={
            // Guarded before loading: people without admin rights never download the admin chunk.
            <RequireAuth>
              <RequirePermission anyOf={ADMIN_AREA_PERMISSIONS}>{feature(AdminRoutes)}</RequirePermission>
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
