import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../../components/states';
import CohortRoutes from './cohort-routes.page';
import RegionsPage from './insights/regions.page';

// The area pages carry Chart.js: loaded with them, not with the map of the regions.
const AreaPage = lazy(() => import('./insights/area.page'));

/** Regional staff (admins): the insights under /regione, and the cohorts. */
export default function AdminHomePage() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<RegionsPage />} />
        <Route path="regioni/:code" element={<AreaPage key="region" level="region" />} />
        <Route path="province/:code" element={<AreaPage key="province" level="province" />} />
        <Route path="coorti/*" element={<CohortRoutes base="/regione/coorti" />} />
      </Routes>
    </Suspense>
  );
}
