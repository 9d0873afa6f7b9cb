import './community.css';

import { Permission } from '@hocvu/contracts';
import { Route, Routes } from 'react-router';

import { RequirePermission } from '../../app/auth/guards';
import { NotFoundPage } from '../../app/layout/StatusPages';
import { HelpedLearnersPage } from './components/HelpedLearnersPage';
import { MyQrPage } from './components/MyQrPage';
import { NewSessionPage } from './components/NewSessionPage';
import { SessionPage } from './components/SessionPage';
import { SessionsPage } from './components/SessionsPage';

/**
 * Mounted at /community/* behind RequireAuth: the learner's QR code, a digital ambassador's learners,
 * and the community sessions staff run. Each page checks its own permission.
 */
export default function CommunityRoutes() {
  const manage = [Permission.CommunitySessionManage];
  return (
    <Routes>
      <Route
        path="my-qr"
        element={
          <RequirePermission anyOf={[Permission.LearningAccess]}>
            <MyQrPage />
          </RequirePermission>
        }
      />
      <Route
        path="helped"
        element={
          <RequirePermission anyOf={[Permission.AmbassadorHelp]}>
            <HelpedLearnersPage />
          </RequirePermission>
        }
      />
      <Route
        path="sessions"
        element={
          <RequirePermission anyOf={manage}>
            <SessionsPage />
          </RequirePermission>
        }
      />
      <Route
        path="sessions/new"
        element={
          <RequirePermission anyOf={manage}>
            <NewSessionPage />
          </RequirePermission>
        }
      />
      <Route
        path="sessions/:id"
        element={
          <RequirePermission anyOf={manage}>
            <SessionPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
