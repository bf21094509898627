import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAccount } from './api/use-session';
import { Layout } from './components/layout';
import { Loading } from './components/states';
import { CourseSearchPage } from './pages/public/course-search.page';

// The public search is the landing page and ships in the first bundle; everything else loads on demand.
const VacancySearchPage = lazy(() => import('./pages/public/vacancy-search.page'));
const CourseDetailPage = lazy(() => import('./pages/public/course-detail.page'));
const VacancyDetailPage = lazy(() => import('./pages/public/vacancy-detail.page'));
const SignInPage = lazy(() => import('./pages/public/sign-in.page'));
const SignUpPage = lazy(() => import('./pages/public/sign-up.page'));
const WorkerProfilePage = lazy(() => import('./pages/worker/profile-wizard.page'));
const OpportunitiesPage = lazy(() => import('./pages/worker/opportunities.page'));
const PathwayPage = lazy(() => import('./pages/worker/pathway.page'));
const ActivityPage = lazy(() => import('./pages/worker/activity.page'));
const PrivacyPage = lazy(() => import('./pages/worker/privacy.page'));
const CompanyPage = lazy(() => import('./pages/employer/company.page'));
const VacancyEditorPage = lazy(() => import('./pages/employer/vacancy-editor.page'));
const CandidatesPage = lazy(() => import('./pages/employer/candidates.page'));
const ProviderPage = lazy(() => import('./pages/provider/provider.page'));
const CourseEditorPage = lazy(() => import('./pages/provider/course-editor.page'));
const EnrolmentRequestsPage = lazy(() => import('./pages/provider/enrolment-requests.page'));
const TrainingDemandPage = lazy(() => import('./pages/provider/training-demand.page'));
const AdminHomePage = lazy(() => import('./pages/admin/admin-home.page'));
const CohortRoutes = lazy(() => import('./pages/admin/cohort-routes.page'));
const CohortClaimPage = lazy(() => import('./pages/public/cohort-claim.page'));

type Role = 'worker' | 'employer' | 'provider' | 'admin';

function Only({ role, children }: { role: Role; children: React.ReactNode }) {
  const account = useAccount();
  const location = useLocation();
  if (!account) return <Navigate to={`/accedi?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (account.role !== role) return <Navigate to="/" replace />;
  return <>{children}</>;
}

/** Moves focus to the main region on navigation, so screen readers and keyboards start at the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [location.pathname]);
}

export function App() {
  const { t } = useTranslation();
  useFocusOnNavigate();
  return (
    <Layout>
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        <Routes>
          <Route path="/" element={<CourseSearchPage />} />
          <Route path="/corsi/:id" element={<CourseDetailPage />} />
          <Route path="/offerte" element={<VacancySearchPage />} />
          <Route path="/offerte/:id" element={<VacancyDetailPage />} />
          <Route path="/accedi" element={<SignInPage />} />
          <Route path="/registrati" element={<SignUpPage />} />
          <Route path="/lavoratore/profilo" element={<Only role="worker"><WorkerProfilePage /></Only>} />
          <Route path="/lavoratore/opportunita" element={<Only role="worker"><OpportunitiesPage /></Only>} />
          <Route path="/lavoratore/opportunita/:vacancyId/percorso" element={<Only role="worker"><PathwayPage /></Only>} />
          <Route path="/lavoratore/attivita" element={<Only role="worker"><ActivityPage /></Only>} />
          <Route path="/lavoratore/privacy" element={<Only role="worker"><PrivacyPage /></Only>} />
          <Route path="/azienda" element={<Only role="employer"><CompanyPage /></Only>} />
          <Route path="/azienda/offerte/:id" element={<Only role="employer"><VacancyEditorPage /></Only>} />
          <Route path="/azienda/offerte/:id/candidati" element={<Only role="employer"><CandidatesPage /></Only>} />
          <Route path="/ente" element={<Only role="provider"><ProviderPage /></Only>} />
          <Route path="/ente/corsi/:id" element={<Only role="provider"><CourseEditorPage /></Only>} />
          <Route path="/ente/corsi/:id/iscrizioni" element={<Only role="provider"><EnrolmentRequestsPage /></Only>} />
          <Route path="/ente/domanda-formativa" element={<Only role="provider"><TrainingDemandPage /></Only>} />
          <Route path="/azienda/coorti/*" element={<Only role="employer"><CohortRoutes base="/azienda/coorti" /></Only>} />
          <Route path="/regione/*" element={<Only role="admin"><AdminHomePage /></Only>} />
          <Route path="/claim" element={<CohortClaimPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="container my-5">
      <h1>{t('errors.pageNotFound')}</h1>
    </div>
  );
}
