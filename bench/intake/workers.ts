// The intake bench's standing population: workers generated from ESCO's occupation-skill relations by the
// matching bench's generator (1-3 occupations each, their essential and some optional skills, homes near
// Turin and Milan or anywhere in the north), written to PostgreSQL with unnest in large batches.
import { DataSource } from 'typeorm';
import { loadEsco, loadNorthernPlaces } from '../matching/esco-data';
import { PopulationGenerator } from '../matching/population-generator';

const BATCH = 10_000;
const STATUSES = ['employed', 'employed', 'at_risk', 'displaced', 'unemployed'] as const;

export interface WorkerLoadReport {
  workers: number;
  skills: number;
  ms: number;
}

/** Empties the worker tables (and what hangs off them), then writes `count` workers with their skills. */
export async function loadWorkers(db: DataSource, dataDir: string, count: number, seed = 20261126): Promise<WorkerLoadReport> {
  const started = Date.now();
  const esco = loadEsco(dataDir);
  const places = loadNorthernPlaces(dataDir);
  const generator = new PopulationGenerator(esco, places, seed, Date.now());
  const placeAt = new Map(places.map((p) => [`${p.lat}|${p.lng}`, p]));
  const skillId = (i: number) => esco.skills.keyOf(i).slice(esco.skills.keyOf(i).lastIndexOf('/') + 1);
  // Centroids come from the same ISTAT file the taxonomy import read: match them back to their codes.
  const municipalities = new Map<string, { code: string; province: string; region: string }>(
    (await db.query(`select istat_code, name, province, region, lat, lng from municipality`)).map(
      (m: { istat_code: string; name: string; province: string; region: string; lat: number; lng: number }) => [`${m.name}|${m.lat}|${m.lng}`, { code: m.istat_code, province: m.province, region: m.region }],
    ),
  );

  await db.query(`truncate worker, outbox cascade`);
  await db.query(`delete from match_state where subject_type = 'worker'`);
  let skills = 0;
  for (let done = 0; done < count; ) {
    const n = Math.min(BATCH, count - done);
    const w = { id: [] as string[], name: [] as string[], lat: [] as number[], lng: [] as number[], code: [] as (string | null)[], place: [] as string[], prov: [] as (string | null)[], reg: [] as (string | null)[], radius: [] as number[], status: [] as string[], visible: [] as boolean[] };
    const s = { worker: [] as string[], skill: [] as string[], level: [] as number[] };
    for (let i = 0; i < n; i++) {
      const record = generator.worker();
      const place = placeAt.get(`${record.lat}|${record.lng}`);
      const m = place ? municipalities.get(`${place.name}|${place.lat}|${place.lng}`) : undefined;
      w.id.push(record.id);
      w.name.push(`Lavoratore bench ${done + i + 1}`);
      w.lat.push(record.lat!);
      w.lng.push(record.lng!);
      w.code.push(m?.code ?? null);
      w.place.push(place?.name ?? '');
      w.prov.push(m?.province ?? null);
      w.reg.push(m?.region ?? null);
      w.radius.push(record.mobilityRadiusKm);
      w.status.push(STATUSES[(done + i) % STATUSES.length]);
      w.visible.push(record.visibleToEmployers);
      for (const [skill, level] of record.skills) {
        s.worker.push(record.id);
        s.skill.push(skillId(skill));
        s.level.push(level);
      }
    }
    await db.query(
      `insert into worker (id, name, home_lat, home_lng, home_municipality_code, home_municipality, home_province, home_region, mobility_radius_km, languages,
                           employment_status, visible_to_employers)
       select t.id, t.name, t.lat, t.lng, t.code, t.place, t.prov, t.reg, t.radius, '{it}', t.status, t.visible
         from unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::bool[])
           as t(id, name, lat, lng, code, place, prov, reg, radius, status, visible)`,
      [w.id, w.name, w.lat, w.lng, w.code, w.place, w.prov, w.reg, w.radius, w.status, w.visible],
    );
    for (let i = 0; i < s.worker.length; i += 100_000) {
      await db.query(
        `insert into worker_skill (worker_id, skill_id, level, source) select w, k, l, 'declared' from unnest($1::uuid[], $2::uuid[], $3::smallint[]) as t(w, k, l)`,
        [s.worker.slice(i, i + 100_000), s.skill.slice(i, i + 100_000), s.level.slice(i, i + 100_000)],
      );
    }
    skills += s.worker.length;
    done += n;
  }
  await db.query(`analyze worker; analyze worker_skill`);
  return { workers: count, skills, ms: Date.now() - started };
}
