import type { EntityManager } from 'typeorm';
import type { ApplicantView, Lang } from './applications.types';

const labelOf = (lang: Lang) => (lang === 'it' ? `coalesce(s.label_it, s.label_en)` : `s.label_en`);

/** The revealed profiles of the given workers: two queries however many. */
export async function applicantsOf(m: EntityManager, workerIds: (string | null)[], lang: Lang): Promise<Map<string, ApplicantView>> {
  const ids = [...new Set(workerIds.filter((id): id is string => id !== null))];
  const byId = new Map<string, ApplicantView>();
  if (ids.length === 0) return byId;
  const [workers, skills]: [Record<string, any>[], { workerId: string; skillId: string; uri: string; label: string; level: number }[]] =
    await Promise.all([
      m.query(`select * from worker where id = any($1::uuid[])`, [ids]),
      m.query(
        `select ws.worker_id as "workerId", ws.skill_id as "skillId", s.uri, ${labelOf(lang)} as label, ws.level
           from worker_skill ws join skill s on s.id = ws.skill_id
          where ws.worker_id = any($1::uuid[]) order by ws.level desc, label`,
        [ids],
      ),
    ]);
  for (const w of workers) {
    byId.set(w.id, {
      id: w.id,
      name: w.name,
      email: w.email,
      home: {
        lat: w.home_lat, lng: w.home_lng, municipality: w.home_municipality, municipalityCode: w.home_municipality_code,
        province: w.home_province, region: w.home_region,
      },
      employmentStatus: w.employment_status,
      languages: w.languages,
      skills: [],
    });
  }
  for (const { workerId, ...skill } of skills) byId.get(workerId)?.skills.push(skill);
  return byId;
}
