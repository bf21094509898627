import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, call, type Schemas } from '../../../api/client';
import { Empty, ErrorState, Loading } from '../../../components/states';
import { CapacityChart, TrendChart } from './charts';
import {
  AreaMap,
  CsvLink,
  areaName,
  atRiskCell,
  HeadlineFigure,
  MapLegend,
  MeasureSwitch,
  measureOf,
  MonthPicker,
  provincePath,
  regionPath,
  scaleFor,
  SummaryTable,
  useCellText,
  useMeasure,
  useMeasureText,
  useMonth,
  useMonthLabel,
  useProvinceSummaries,
  useRegionSummaries,
} from './insights-parts';

type Area = Schemas['AreaInsightsResponseDto'];
type Gap = Schemas['SkillGapResponseDto'];

const LIST = 10;

/** One region (with its provinces) or one province: headline, shortages and surpluses, training against need, trends, CSV. */
export default function AreaPage({ level }: { level: 'region' | 'province' }) {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const { month } = useMonth();
  const area = useQuery({
    queryKey: ['insights', level, code, month ?? 'latest', i18n.language],
    queryFn: () =>
      level === 'region'
        ? call(api.GET('/api/v1/insights/regions/{code}', { params: { path: { code }, query: { month } } }))
        : call(api.GET('/api/v1/insights/provinces/{code}', { params: { path: { code }, query: { month } } })),
    retry: false,
  });
  const data = area.data;
  const missing = area.error instanceof ApiError && (area.error.status === 404 || area.error.status === 400);

  return (
    <div className="container my-4">
      <nav aria-label={t('common.breadcrumb')}>
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={`/regione${month ? `?month=${month}` : ''}`}>{t('insights.title')}</Link>
          </li>
          {data && level === 'province' && (
            <li className="breadcrumb-item">
              <Link to={regionPath(data.area.region.code, month)}>{areaName(data.area.region.code, data.area.region.name)}</Link>
            </li>
          )}
          {data && (
            <li className="breadcrumb-item active" aria-current="page">
              {areaName(data.area.code, data.area.name)}
            </li>
          )}
        </ol>
      </nav>
      {area.isPending && <Loading />}
      {missing && <Empty title={t(level === 'region' ? 'insights.regionMissing' : 'insights.provinceMissing', { code })}>{t('insights.missingHint')}</Empty>}
      {area.isError && !missing && <ErrorState error={area.error} onRetry={() => void area.refetch()} />}
      {data && <AreaView level={level} data={data} />}
    </div>
  );
}

function AreaView({ level, data }: { level: 'region' | 'province'; data: Area }) {
  const { t } = useTranslation();
  const text = useCellText();
  const month = data.snapshot.month;
  const regionCode = data.area.region.code;
  // The shortage intensity of an area comes with the list of its level: the regions, or the region's provinces.
  const regions = useRegionSummaries(month, level === 'region');
  const provinces = useProvinceSummaries(regionCode, month);
  const own = (level === 'region' ? regions.data : provinces.data)?.items.find((s) => s.code === data.area.code);
  const h = data.headline;
  const name = areaName(data.area.code, data.area.name);
  const path = level === 'region' ? `/api/v1/insights/regions/${data.area.code}` : `/api/v1/insights/provinces/${data.area.code}`;

  return (
    <>
      <h1 className="h2">{name}</h1>
      <p className="lead">{t(level === 'region' ? 'insights.regionLead' : 'insights.provinceLead')}</p>
      <div className="d-flex flex-wrap align-items-end gap-4 mb-3">
        <MonthPicker current={month} />
        <ul className="list-inline mb-2">
          <li className="list-inline-item me-3">
            <CsvLink path={path} query={{ month }} testId="area-csv">
              {t('insights.downloadArea', { name })}
            </CsvLink>
          </li>
          {level === 'region' && (
            <li className="list-inline-item me-3">
              <CsvLink path={`/api/v1/insights/regions/${data.area.code}/provinces`} query={{ month }} testId="provinces-csv">
                {t('insights.downloadProvinces')}
              </CsvLink>
            </li>
          )}
          <li className="list-inline-item">
            <CsvLink
              path="/api/v1/insights/training-demand"
              query={{ month, ...(level === 'region' ? { region: data.area.code } : { province: data.area.code }) }}
              testId="training-csv"
            >
              {t('insights.downloadTraining')}
            </CsvLink>
          </li>
        </ul>
      </div>

      <section aria-labelledby="headline-title" className="mb-4">
        <h2 id="headline-title" className="h4">
          {t('insights.headlineTitle')}
        </h2>
        <div className="row g-3" data-testid="headline">
          <div className="col-6 col-md-4 col-xl-2">
            <HeadlineFigure label={t('insights.workers')} value={text(h.workers)} />
          </div>
          <div className="col-6 col-md-4 col-xl-2">
            <HeadlineFigure label={t('insights.displaced')} value={text(h.byStatus.displaced)} />
          </div>
          <div className="col-6 col-md-4 col-xl-2">
            <HeadlineFigure label={t('insights.atRisk')} value={text(h.byStatus.at_risk)} />
          </div>
          <div className="col-6 col-md-4 col-xl-2">
            <HeadlineFigure label={t('insights.openings')} value={String(h.openings)} hint={t('insights.vacancies', { count: h.vacancies })} />
          </div>
          <div className="col-6 col-md-4 col-xl-2">
            <HeadlineFigure label={t('insights.measures.matchRate')} value={text(h.matchRate, 'percent')} />
          </div>
          <div className="col-6 col-md-4 col-xl-2">
            <HeadlineFigure
              label={t('insights.measures.shortage')}
              value={own ? text(own.shortage.per100AtRiskWorkers) : '…'}
              hint={own ? t('insights.shortageOpenings', { value: text(own.shortage.openings) }) : undefined}
            />
          </div>
        </div>
      </section>

      {level === 'region' && <Provinces region={name} month={month} query={provinces} />}
      <Gaps shortages={data.gap.shortages} surpluses={data.gap.surpluses} />
      <Training data={data} />
      <Trends data={data} />
    </>
  );
}

function Provinces({ region, month, query }: { region: string; month: string; query: ReturnType<typeof useProvinceSummaries> }) {
  const { t, i18n } = useTranslation();
  const [measure, setMeasure] = useMeasure();
  const measureText = useMeasureText();
  const provinces = [...(query.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const scale = scaleFor(measure, provinces.map((p) => measureOf(p, measure).value));
  return (
    <section aria-labelledby="provinces-title" className="mb-4">
      <h2 id="provinces-title" className="h4">
        {t('insights.provincesTitle')}
      </h2>
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : query.isPending ? <Loading /> : provinces.length === 0 ? <Empty title={t('insights.noProvinces')} /> : (
        <div className="row">
          <div className="col-lg-6">
            <MeasureSwitch measure={measure} onChange={setMeasure} />
            <AreaMap
              level="province"
              areas={provinces.map((p) => ({ code: p.code, name: p.name, value: measureOf(p, measure).value, text: measureText(measureOf(p, measure), measure) }))}
              scale={scale}
              label={t(`insights.provinceMapLabel.${measure}`)}
              linkTo={(code) => provincePath(code, month)}
            />
            <MapLegend measure={measure} scale={scale} />
          </div>
          <div className="col-lg-6">
            <SummaryTable
              items={provinces}
              areaHeader={t('insights.province')}
              caption={t('insights.provincesCaption', { region })}
              testId="provinces-table"
              linkTo={(code) => provincePath(code, month)}
            />
          </div>
        </div>
      )}
    </section>
  );
}

function Gaps({ shortages, surpluses }: { shortages: Gap[]; surpluses: Gap[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="gaps-title" className="mb-4">
      <h2 id="gaps-title" className="h4">
        {t('insights.gapsTitle')}
      </h2>
      <p>{t('insights.gapsLead')}</p>
      <div className="row">
        <div className="col-lg-6">
          <GapTable kind="shortages" items={shortages} />
        </div>
        <div className="col-lg-6">
          <GapTable kind="surpluses" items={surpluses} />
        </div>
      </div>
    </section>
  );
}

function GapTable({ kind, items }: { kind: 'shortages' | 'surpluses'; items: Gap[] }) {
  const { t } = useTranslation();
  const text = useCellText();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, LIST);
  if (items.length === 0) return <Empty title={t(`insights.${kind}Title`)}>{t(`insights.${kind}None`)}</Empty>;
  return (
    <div className="table-responsive">
      <table className="table table-sm" data-testid={`${kind}-table`}>
        <caption>{t(`insights.${kind}Title`)}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('insights.skill')}</th>
            <th scope="col" className="text-end">{t('insights.demand')}</th>
            <th scope="col" className="text-end">{t('insights.supply')}</th>
            <th scope="col" className="text-end">{t('insights.gap')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((g, i) => (
            <tr key={g.skill.id}>
              <td>{i + 1}</td>
              <th scope="row" className="fw-normal">{g.skill.label}</th>
              <td className="text-end">{g.demandEssential + g.demandOptional}</td>
              <td className="text-end">{text(g.supply)}</td>
              <td className="text-end fw-semibold">{text(g.gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > LIST && (
        <button type="button" className="btn btn-link btn-sm px-0" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('insights.showFewer') : t('insights.showAll', { count: items.length })}
        </button>
      )}
    </div>
  );
}

function Training({ data }: { data: Area }) {
  const { t } = useTranslation();
  const text = useCellText();
  const items = data.training.shortageSkills;
  return (
    <section aria-labelledby="training-title" className="mb-4">
      <h2 id="training-title" className="h4">
        {t('insights.trainingTitle')}
      </h2>
      <p>{t('insights.trainingLead')}</p>
      {items.length === 0 ? (
        <Empty title={t('insights.trainingNone')} />
      ) : (
        <div className="row">
          <div className="col-lg-6">
            <CapacityChart
              items={items.slice(0, LIST).map((i) => ({ skill: i.skill.label, seats: i.seatsNext90Days, workers: i.workersInNeed.value }))}
              labels={{ seats: t('insights.seats'), workers: t('insights.workersInNeed'), chart: t('insights.capacityChart', { count: Math.min(LIST, items.length) }) }}
            />
          </div>
          <div className="col-lg-6">
            <div className="table-responsive">
              <table className="table table-sm" data-testid="capacity-table">
                <caption>{t('insights.capacityCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insights.skill')}</th>
                    <th scope="col" className="text-end">{t('insights.gap')}</th>
                    <th scope="col" className="text-end">{t('insights.courses')}</th>
                    <th scope="col" className="text-end">{t('insights.seats')}</th>
                    <th scope="col" className="text-end">{t('insights.workersInNeed')}</th>
                    <th scope="col" className="text-end">{t('insights.seatsPerWorker')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.skill.id}>
                      <th scope="row" className="fw-normal">{i.skill.label}</th>
                      <td className="text-end">{text(i.gap)}</td>
                      <td className="text-end">{i.courses}</td>
                      <td className="text-end">{i.seatsNext90Days}</td>
                      <td className="text-end">{text(i.workersInNeed)}</td>
                      <td className="text-end">{text(i.seatsPerWorkerInNeed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      )}
      <h3 className="h5 mt-3">{t('insights.untaughtTitle')}</h3>
      {data.training.untaughtShortageSkills.length === 0 ? (
        <p>{t('insights.untaughtNone')}</p>
      ) : (
        <ul data-testid="untaught-list">
          {data.training.untaughtShortageSkills.map((g) => (
            <li key={g.skill.id}>
              {g.skill.label} — {t('insights.untaughtGap', { value: text(g.gap) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Trends({ data }: { data: Area }) {
  const { t } = useTranslation();
  const text = useCellText();
  const monthLabel = useMonthLabel();
  const rows = data.trend;
  return (
    <section aria-labelledby="trends-title" className="mb-4">
      <h2 id="trends-title" className="h4">
        {t('insights.trendsTitle')}
      </h2>
      {rows.length === 0 ? (
        <Empty title={t('insights.trendsNone')} />
      ) : (
        <div className="row">
          <div className="col-lg-7">
            {rows.length < 2 && <p className="small text-muted">{t('insights.trendsOneMonth')}</p>}
            <TrendChart
              rows={rows.map((r) => ({ month: monthLabel(r.month, true), atRisk: atRiskCell(r.displaced, r.atRisk).value, openings: r.openings, matchRate: r.matchRate.value }))}
              labels={{ atRisk: t('insights.atRiskWorkers'), openings: t('insights.openings'), matchRate: t('insights.matchRatePct'), chart: t('insights.trendChart', { count: rows.length }) }}
            />
          </div>
          <div className="col-lg-5">
            <div className="table-responsive">
              <table className="table table-sm" data-testid="trends-table">
                <caption>{t('insights.trendsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insights.month')}</th>
                    <th scope="col" className="text-end">{t('insights.atRiskWorkers')}</th>
                    <th scope="col" className="text-end">{t('insights.openings')}</th>
                    <th scope="col" className="text-end">{t('insights.measures.matchRate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.month}>
                      <th scope="row">
                        <time dateTime={r.month}>{monthLabel(r.month)}</time>
                      </th>
                      <td className="text-end">{text(atRiskCell(r.displaced, r.atRisk))}</td>
                      <td className="text-end">{r.openings}</td>
                      <td className="text-end">{text(r.matchRate, 'percent')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
