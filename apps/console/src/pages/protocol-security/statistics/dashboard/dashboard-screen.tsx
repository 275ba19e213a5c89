import type { TScreenModule } from '../../../../layout/screen-routes.ts';
import { dashboardLoader, DashboardPage } from './dashboard-page.tsx';

// A chunk of its own, fetched on the first visit to the dashboard: the chart library
// it brings is larger than the rest of the console, and no other screen needs it.
export const dashboard: TScreenModule = { element: <DashboardPage />, loader: dashboardLoader };
