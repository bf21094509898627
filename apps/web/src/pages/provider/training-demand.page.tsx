import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { useAccount } from '../../api/use-session';
import { SelectField } from '../../components/field';
import { REGION_NAMES } from '../../components/regions';
import { Empty, ErrorState, Loading } from '../../components/states';

type Item = Schemas['TrainingDemandItemResponseDto'];
type Cell = Schemas['InsightCellResponseDto'];

const DEFAULT_REGION = 'ITC1';
const REGION_CODES = Object.keys(REGION_NAMES).sort((a, b) => REGION_NAMES[a].localeCompare(REGION_NAMES[b], 'it'));

/**
 * "Domanda formativa": the shortage skills of an area ranked by how many displaced or at-risk workers
 * a course would help, with the courses that already teach them; the training body's own region first.
 */
export default function TrainingDemandPage() {
  const { t } = useTranslation();
  const account = useAccount()!;
  const [params, setParams] = useSearchParams();
  const provider = useQuery({
    queryKey: ['provider', account.providerId],
    queryFn: () => call(api.GET('/api/v1/providers/{id}', { params: { path: { id: account.providerId! } } })),
    enabled: !!account.providerId,
  });
  const waiting = !!account.providerId && provider.isPending;
  const ownRegion = provider.data?.sites.find((s) => s.region)?.region ?? null;
  const region = params.get('region') ?? ownRegion ?? DEFAULT_REGION;
  const province = params.get('province') ?? '';
  const choose = (next: { region: string; province: string }) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)), { replace: true });

  return (
    <div className="container my-4">
      <nav aria-label={t('common.breadcrumb')}>
        <Link to="/ente">{t('nav.provider')}</Link>
      </nav>
      <h1 className="h2 mt-2">{t('demandPreview.demand.title')}</h1>
      <p className="lead">{t('demandPreview.demand.lead')}</p>
      {waiting ? (
        <Loading />
      ) : (
        <>
          <AreaPicker region={region} province={province} ownRegion={ownRegion} onChange={choose} />
          <DemandTable region={region} province={province} />
        </>
      )}
    </div>
  );
}

function AreaPicker({ region, province, ownRegion, onChange }: { region: string; province: string; ownRegion: string | null; onChange: (v: { region: string; province: string }) => void }) {
  const { t } = useTranslation();
  const provinces = useQuery({
    queryKey: ['insights', 'provinces', region],
    queryFn: () => call(api.GET('/api/v1/insights/regions/{code}/provinces', { params: { path: { code: region } } })),
    retry: false,
  });
  const options = [
    { value: '', label: t('demandPreview.demand.wholeRegion') },
    ...(provinces.data?.items ?? []).map((p) => ({ value: p.province.code, label: `${p.province.name} (${p.province.code})` })),
  ];
  return (
    <div className="row align-items-end mt-4">
      <div className="col-md-5">
        <SelectField
          id="demand-region"
          label={t('demandPreview.demand.region')}
          value={region}
          onChange={(r) => onChange({ region: r, province: '' })}
          options={REGION_CODES.map((code) => ({ value: code, label: code === ownRegion ? t('demandPreview.demand.ownRegion', { name: REGION_NAMES[code] }) : REGION_NAMES[code] }))}
        />
      </div>
      <div className="col-md-5">
        {/* Without a snapshot there are no provinces to list: the table below says why. */}
        <SelectField id="demand-province" label={t('demandPreview.demand.province')} value={province} onChange={(p) => onChange({ region, province: p })} options={options} />
      </div>
    </div>
  );
}

function DemandTable({ region, province }: { region: string; province: string }) {
  const { t, i18n } = useTranslation();
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const demand = useQuery({
    queryKey: ['insights', 'training-demand', region, province, i18n.language],
    queryFn: () =>
      call(api.GET('/api/v1/insights/training-demand', { params: { query: { region, ...(province ? { province } : {}), limit: 50, format: 'json' } } })),
    retry: false,
  });
  if (demand.isPending) return <Loading />;
  if (demand.isError) {
    const e = demand.error;
    if (e instanceof ApiError && e.body?.code === 'INSIGHTS.SNAPSHOT_NOT_FOUND') return <Empty title={t('demandPreview.demand.noSnapshot')}>{t('demandPreview.demand.noSnapshotHint')}</Empty>;
    return <ErrorState error={e} onRetry={() => void demand.refetch()} />;
  }
  const data = demand.data;
  const uncovered = data.items.filter((i) => i.courses.length === 0).length;
  const shown = onlyUncovered ? data.items.filter((i) => i.courses.length === 0) : data.items;
  return (
    <section aria-labelledby="demand-table-title">
      <h2 id="demand-table-title" className="h4">
        {t('demandPreview.demand.tableTitle', { area: data.area.name })}
      </h2>
      <p className="text-muted small">
        {t('demandPreview.demand.month', { month: data.snapshot.month })}
        {data.snapshot.suppressionApplied && <> · {t('demandPreview.demand.suppressionNote', { threshold: data.snapshot.threshold })}</>}
      </p>
      {data.items.length === 0 ? (
        <Empty title={t('demandPreview.demand.empty')}>{t('demandPreview.demand.emptyHint')}</Empty>
      ) : (
        <>
          <p data-testid="uncovered-count">
            <strong>{t('demandPreview.demand.uncovered', { count: uncovered })}</strong>
          </p>
          <div className="form-check mb-3">
            <input id="demand-only-uncovered" type="checkbox" checked={onlyUncovered} onChange={(e) => setOnlyUncovered(e.target.checked)} />
            <label htmlFor="demand-only-uncovered">{t('demandPreview.demand.onlyUncovered')}</label>
          </div>
          {shown.length === 0 ? (
            <Empty title={t('demandPreview.demand.allCovered')} />
          ) : (
            <div className="table-responsive">
              <table className="table align-middle" data-testid="training-demand">
                <caption>{t('demandPreview.demand.caption', { area: data.area.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('demandPreview.demand.rank')}</th>
                    <th scope="col">{t('demandPreview.demand.skill')}</th>
                    <th scope="col" className="text-end">{t('demandPreview.demand.workers')}</th>
                    <th scope="col" className="text-end">{t('demandPreview.demand.openings')}</th>
                    <th scope="col">{t('demandPreview.demand.courses')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('demandPreview.demand.action')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((item) => (
                    <DemandRow key={item.skill.id} item={item} rank={data.items.indexOf(item) + 1} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function DemandRow({ item, rank }: { item: Item; rank: number }) {
  const { t } = useTranslation();
  const uncovered = item.courses.length === 0;
  return (
    <tr className={uncovered ? 'demand-uncovered' : undefined} data-uncovered={uncovered || undefined}>
      <td>{rank}</td>
      <th scope="row" className="fw-semibold">
        {item.skill.label}
        {uncovered && (
          <>
            {' '}
            <span className="gap-chip">{t('demandPreview.demand.noCourse')}</span>
          </>
        )}
      </th>
      <td className="text-end">
        <CellValue cell={item.workersWhoWouldGain} />
      </td>
      <td className="text-end">{item.demand}</td>
      <td>
        {uncovered ? (
          <span>{t('demandPreview.demand.noCourseYet')}</span>
        ) : (
          <>
            <ul className="list-unstyled mb-1 small">
              {item.courses.map((c) => (
                <li key={c.id}>
                  <Link to={`/corsi/${c.id}`}>{c.title}</Link> · {c.provider} · {t(`mode.${c.mode}`)} · {t('demandPreview.demand.seats', { count: c.seatsNext90Days })}
                </li>
              ))}
            </ul>
            <span className="small text-muted">{t('demandPreview.demand.totalSeats', { count: item.seatsNext90Days })}</span>
          </>
        )}
      </td>
      <td>
        <Link
          className={`btn btn-sm text-nowrap ${uncovered ? 'btn-primary' : 'btn-outline-primary'}`}
          to="/ente/corsi/nuovo"
          state={{ skill: { skillId: item.skill.id, label: item.skill.label } }}
        >
          {t('demandPreview.demand.createCourse')} <span className="visually-hidden">{t('demandPreview.demand.onSkill', { skill: item.skill.label })}</span>
        </Link>
      </td>
    </tr>
  );
}

function CellValue({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  if (cell.suppressed || cell.value === null) return <>{t('demandPreview.demand.suppressed')}</>;
  return <>{cell.value}</>;
}
