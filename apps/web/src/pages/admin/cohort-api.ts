import { createContext, useContext } from 'react';
import { api, call, type Schemas } from '../../api/client';

// The cohort routes' answers, as the API's OpenAPI document describes them (apps/web/src/api/schema.d.ts).
export type Cohort = Schemas['CohortResponseDto'];
export type CohortReason = Cohort['reason'];
export type CohortMember = Schemas['CohortMemberResponseDto'];
export type MemberStatus = CohortMember['status'];
export type UploadResult = Schemas['CohortUploadResponseDto'];
export type RejectedRow = Schemas['CohortRejectedRowResponseDto'];
export type CohortReport = Schemas['CohortReportResponseDto'];
export type Cell = Schemas['CohortReportCellResponseDto'];
export type ClaimPreview = Schemas['CohortClaimPreviewResponseDto'];

export const COHORT_REASONS: CohortReason[] = ['closure', 'redundancy', 'short_time_work'];

/** Where the cohort pages live: /regione/coorti for admins, /azienda/coorti for an employer's own plant. */
export const CohortBase = createContext('/regione/coorti');
export const useCohortBase = () => useContext(CohortBase);

export const fetchCohorts = () => call(api.GET('/api/v1/cohorts'));

export const fetchCohort = (id: string) => call(api.GET('/api/v1/cohorts/{id}', { params: { path: { id } } }));

export const fetchMembers = (id: string, status: MemberStatus | undefined, cursor: string | undefined, lang: string) =>
  call(api.GET('/api/v1/cohorts/{id}/members', { params: { path: { id }, query: { status, cursor, lang: lang === 'en' ? 'en' : 'it', limit: MEMBERS_PAGE } } }));

export const MEMBERS_PAGE = 50;

/** Sends the CSV as it is (text/csv): the API validates it row by row and answers the rejected rows. */
export const uploadMembers = (id: string, csv: string) =>
  call(
    api.POST('/api/v1/cohorts/{id}/members', {
      params: { path: { id } },
      // The document gives each media type of this body the JSON upload's schema (@ApiBody cannot describe
      // them apart), so the CSV text needs a cast; it goes unchanged, with its own Content-Type.
      body: csv as never,
      bodySerializer: (text) => text,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );

export const fetchReport = (id: string) => call(api.GET('/api/v1/cohorts/{id}/report', { params: { path: { id } } }));

/**
 * Whether the worker still has work on the cohort: titles to map, pre-profiles to make or match, or a report
 * to compute for the current version. A cohort with no members has nothing to wait for.
 */
export const isBusy = (c: Cohort) => c.counts.members > 0 && (c.processing === 'processing' || c.counts.pending > 0 || !c.report || c.report.stale);

/** The example file offered for download: every column, Italian payslip titles, one member without email. */
export const CSV_TEMPLATE = [
  'employee_ref,municipality,province,job_title,occupation_id,years,skills,email',
  'RIV-00421,Orbassano,TO,operaio addetto alla saldatura robotizzata,,12,,m.rossi@example.it',
  'RIV-00422,Rivalta di Torino,TO,carrellista,,4,,',
  'RIV-00423,001272,,manutentore elettromeccanico,,21,,l.bianchi@example.it',
  '',
].join('\n');
