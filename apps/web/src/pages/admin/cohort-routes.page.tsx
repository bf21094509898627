import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { CohortBase } from './cohort-api';

const CohortListPage = lazy(() => import('./cohort-list.page'));
const CohortCreatePage = lazy(() => import('./cohort-create.page'));
const CohortDetailPage = lazy(() => import('./cohort-detail.page'));
const CohortReportPage = lazy(() => import('./cohort-report.page'));

/**
 * The whole-plant intake pages, mounted under /regione/coorti (admins: every cohort) and /azienda/coorti
 * (an employer: its own plants'); the links inside follow the base they are mounted on.
 */
export default function CohortRoutes({ base }: { base: string }) {
  return (
    <CohortBase.Provider value={base}>
      <Routes>
        <Route index element={<CohortListPage />} />
        <Route path="nuova" element={<CohortCreatePage />} />
        <Route path=":id" element={<CohortDetailPage />} />
        <Route path=":id/rapporto" element={<CohortReportPage />} />
      </Routes>
    </CohortBase.Provider>
  );
}
