import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

export interface DemoOccupation {
  id: string;
  category: string;
  role: 'source' | 'target' | 'both';
  labelEn: string;
  essential: string[];
  optional: string[];
}

export interface DemoMunicipality {
  istatCode: string;
  name: string;
  province: string;
  region: string;
  lat: number;
  lng: number;
}

async function readCsv(file: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  const parser = createReadStream(file).pipe(createGunzip()).pipe(parse({ columns: true, bom: true }));
  for await (const row of parser) rows.push(row as Record<string, string>);
  return rows;
}

const lastSegment = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

/** The automotive subset's occupations with their essential and optional skills. */
export async function readDemoOccupations(dataDir: string): Promise<DemoOccupation[]> {
  const occupations = await readCsv(path.join(dataDir, 'esco', 'automotive', 'occupations.csv.gz'));
  const relations = await readCsv(path.join(dataDir, 'esco', 'automotive', 'occupationSkillRelations.csv.gz'));
  const skillsOf = new Map<string, { essential: string[]; optional: string[] }>();
  for (const r of relations) {
    const id = lastSegment(r.occupationUri);
    const entry = skillsOf.get(id) ?? { essential: [], optional: [] };
    (r.relationType === 'essential' ? entry.essential : entry.optional).push(lastSegment(r.skillUri));
    skillsOf.set(id, entry);
  }
  return occupations.map((o) => {
    const id = lastSegment(o.conceptUri);
    return {
      id,
      category: o.category,
      role: o.role as DemoOccupation['role'],
      labelEn: o.preferredLabel_en.trim(),
      essential: skillsOf.get(id)?.essential ?? [],
      optional: skillsOf.get(id)?.optional ?? [],
    };
  });
}

export async function readMunicipalities(dataDir: string): Promise<DemoMunicipality[]> {
  const rows = await readCsv(path.join(dataDir, 'istat', 'comuni.csv.gz'));
  return rows.map((r) => ({
    istatCode: r.istat_code,
    name: r.name,
    province: r.province_acr,
    region: r.nuts2,
    lat: Number(r.lat),
    lng: Number(r.lng),
  }));
}
