import type { TScreenModule } from '../../layout/screen-routes.ts';
import {
  advancedConfigurationLoader,
  AdvancedConfigurationPage,
} from './options/advanced-configuration-page.tsx';
import { antivirusLoader, AntiVirusPage } from './options/anti-virus-page.tsx';
import {
  profilesAssignmentLoader,
  ProfilesAssignmentPage,
} from './profiles-assignment/profiles-assignment-page.tsx';
import { SecurityProfileCreatePage } from './security-profiles/security-profile-create-page.tsx';
import {
  securityProfileEditLoader,
  SecurityProfileEditPage,
} from './security-profiles/security-profile-edit-page.tsx';
import {
  securityProfileListLoader,
  SecurityProfileListPage,
} from './security-profiles/security-profile-list-page.tsx';
import { statisticsLoader, StatisticsPage } from './statistics/statistics-page.tsx';
import { violationDetailLoader, ViolationDetailPage } from './statistics/violation-detail-page.tsx';
import { violationListLoader, ViolationListPage } from './statistics/violation-list-page.tsx';

// Loaded on the first visit to any Protocol Security screen (see the routes file).

export const securityProfileList: TScreenModule = {
  element: <SecurityProfileListPage />,
  loader: securityProfileListLoader,
};

export const securityProfileCreate: TScreenModule = { element: <SecurityProfileCreatePage /> };

export const securityProfileEdit: TScreenModule = {
  element: <SecurityProfileEditPage />,
  loader: securityProfileEditLoader,
};

export const profilesAssignment: TScreenModule = {
  element: <ProfilesAssignmentPage />,
  loader: profilesAssignmentLoader,
};

export const antiVirus: TScreenModule = { element: <AntiVirusPage />, loader: antivirusLoader };

export const advancedConfiguration: TScreenModule = {
  element: <AdvancedConfigurationPage />,
  loader: advancedConfigurationLoader,
};

export const statistics: TScreenModule = { element: <StatisticsPage />, loader: statisticsLoader };

export const violationList: TScreenModule = {
  element: <ViolationListPage />,
  loader: violationListLoader,
};

export const violationDetail: TScreenModule = {
  element: <ViolationDetailPage />,
  loader: violationDetailLoader,
};
