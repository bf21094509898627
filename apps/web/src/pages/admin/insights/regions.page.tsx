import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { Empty, ErrorState, Loading } from '../../../components/states';
import { AreaMap, atRisk, CsvLink, MapLegend, MeasureSwitch, measureOf, MonthPicker, regionPath, scaleFor, useCellText, useMeasure, useMeasureText, useMonth, useRegionSummaries } from './insights-parts';

/** Regional staff's overview: every region on a map by match rate or shortage intensity, the same figures as a table, CSV. */
export default function RegionsPage() {
  const { t, i18n } = useTranslation();
  const { month } = useMonth();
  const [measure, setMeasure] = useMeasure();
  const text = useCellText();
  const measureText = useMeasureText();
  const regions = useRegionSummaries(month);
  const data = regions.data;
  const noSnapshot = regions.error instanceof ApiError && regions.error.status === 404;
  const items = [...(data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const scale = scaleFor(measure, items.map((r) => measureOf(r, measure).value));
  const shown = data?.snapshot.month;

  return (
    <div className="container my-4">
      <h1 className="h2">{t('insights.title')}</h1>
      <p className="lead">{t('insights.lead')}</p>
      {regions.isPending && <Loading />}
      {noSnapshot && <Empty title={t('insights.none')}>{t('insights.noneHint')}</Empty>}
      {regions.isError && !noSnapshot && <ErrorState error={regions.error} onRetry={() => void regions.refetch()} />}
      {data && (
        <>
          <div className="d-flex flex-wrap align-items-end gap-4 mb-3">
            <MonthPicker current={data.snapshot.month} />
            <p className="mb-2">
              <CsvLink path="/api/v1/insights/regions" query={{ month: shown }} testId="csv-download">
                {t('insights.downloadRegions')}
              </CsvLink>
            </p>
          </div>
          <div className="row">
            <div className="col-lg-7">
              <MeasureSwitch measure={measure} onChange={setMeasure} />
              <AreaMap
                level="region"
                areas={items.map((r) => ({ code: r.code, name: r.name, value: measureOf(r, measure).value, text: measureText(measureOf(r, measure), measure) }))}
                scale={scale}
                label={t(`insights.mapLabel.${measure}`)}
                linkTo={(code) => regionPath(code, shown)}
              />
              <MapLegend measure={measure} scale={scale} />
            </div>
            <div className="col-lg-5">
              <div className="table-responsive">
                <table className="table table-sm" data-testid="regions-table">
                  <caption>{t('insights.regionsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('insights.region')}</th>
                      <th scope="col" className="text-end">{t('insights.measures.matchRate')}</th>
                      <th scope="col" className="text-end">{t('insights.measures.shortage')}</th>
                      <th scope="col" className="text-end">{t('insights.atRiskWorkers')}</th>
                      <th scope="col" className="text-end">{t('insights.openings')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((r) => (
                      <tr key={r.code}>
                        <th scope="row">
                          <Link to={regionPath(r.code, shown)}>{r.name}</Link>
                        </th>
                        <td className="text-end">{text(r.headline.matchRate, 'percent')}</td>
                        <td className="text-end">{text(r.shortage.per100AtRiskWorkers)}</td>
                        <td className="text-end">{atRisk(r.headline, text)}</td>
                        <td className="text-end">{r.headline.openings}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
