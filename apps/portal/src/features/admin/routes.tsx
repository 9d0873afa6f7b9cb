import './admin.css';

import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';

import { RequirePermission } from '../../app/auth/guards';
import { NotFoundPage } from '../../app/layout/StatusPages';
import { type AdminSectionId, sectionPermissions } from './components/admin-sections';
import { AdminHomePage } from './components/AdminHomePage';
import { AdminUnitsPage } from './components/AdminUnitsPage';
import { AttestationsPage } from './components/AttestationsPage';
import { AuditLogPage } from './components/AuditLogPage';
import { BatchesPage } from './components/BatchesPage';
import { BatchPage } from './components/BatchPage';
import { BulkEnrolmentPage } from './components/BulkEnrolmentPage';
import { CampaignPage } from './components/CampaignPage';
import { CampaignReportsPage } from './components/CampaignReportsPage';
import { CampaignTargetsPage } from './components/CampaignTargetsPage';
import { CertificatesAdminPage } from './components/CertificatesAdminPage';
import { CreateStaffPage } from './components/CreateStaffPage';
import { NewBatchPage } from './components/NewBatchPage';
import { RostersPage } from './components/RostersPage';
import { UsersPage } from './components/UsersPage';
import { VillagesPage } from './components/VillagesPage';

function Gate({ section, children }: { section: AdminSectionId; children: ReactNode }) {
  return <RequirePermission anyOf={sectionPermissions(section)}>{children}</RequirePermission>;
}

/** Mounted at /admin/* behind RequireAuth and "any admin permission"; each page checks its own. */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<AdminHomePage />} />
      <Route
        path="campaign"
        element={
          <Gate section="campaign">
            <CampaignPage />
          </Gate>
        }
      />
      <Route
        path="campaign/targets"
        element={
          <Gate section="campaignTargets">
            <CampaignTargetsPage />
          </Gate>
        }
      />
      <Route
        path="campaign/reports"
        element={
          <Gate section="campaignReports">
            <CampaignReportsPage />
          </Gate>
        }
      />
      <Route
        path="users"
        element={
          <Gate section="users">
            <UsersPage />
          </Gate>
        }
      />
      <Route
        path="users/new"
        element={
          <Gate section="newStaff">
            <CreateStaffPage />
          </Gate>
        }
      />
      <Route
        path="admin-units"
        element={
          <Gate section="adminUnits">
            <AdminUnitsPage />
          </Gate>
        }
      />
      <Route
        path="villages"
        element={
          <Gate section="villages">
            <VillagesPage />
          </Gate>
        }
      />
      <Route
        path="rosters"
        element={
          <Gate section="rosters">
            <RostersPage />
          </Gate>
        }
      />
      <Route
        path="enrolments"
        element={
          <Gate section="enrolments">
            <BulkEnrolmentPage />
          </Gate>
        }
      />
      <Route
        path="certificates"
        element={
          <Gate section="certificates">
            <CertificatesAdminPage />
          </Gate>
        }
      />
      <Route
        path="certificate-batches"
        element={
          <Gate section="batches">
            <BatchesPage />
          </Gate>
        }
      />
      <Route
        path="certificate-batches/new"
        element={
          <Gate section="batches">
            <NewBatchPage />
          </Gate>
        }
      />
      <Route
        path="certificate-batches/:id"
        element={
          <Gate section="batches">
            <BatchPage />
          </Gate>
        }
      />
      <Route
        path="attestations"
        element={
          <Gate section="attestations">
            <AttestationsPage />
          </Gate>
        }
      />
      <Route
        path="audit-log"
        element={
          <Gate section="auditLog">
            <AuditLogPage />
          </Gate>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
