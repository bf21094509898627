import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { Empty, ErrorState, Loading } from '../../../components/states';
import { AreaMap, CsvLink, MapLegend, MeasureSwitch, measureOf, MonthPicker, regionPath, scaleFor, SummaryTable, useMeasure, useMeasureText, useMonth, useRegionSummaries } from './insights-parts';

/** Regional staff's overview: every region on a map by match rate or shortage intensity, the same figures as a table, CSV. */
export default function RegionsPage() {
  const { t, i18n } = useTranslation();
  const { month } = useMonth();
  const [measure, setMeasure] = useMeasure();
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
              <SummaryTable items={items} areaHeader={t('insights.region')} caption={t('insights.regionsCaption')} testId="regions-table" linkTo={(code) => regionPath(code, shown)} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
