import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { Relatedness, SkillIndex, type BroaderEdge } from '@ricarica/matching';

/** ESCO as the benchmark needs it: skills, the skill pillar and each occupation's essential/optional skills. */
export interface EscoData {
  skills: SkillIndex;
  /** Skill preferred labels by index (English). */
  labels: string[];
  edges: BroaderEdge[];
  relatedness: Relatedness;
  occupations: Occupation[];
  /** Indexes into `occupations` of the automotive subset, by role. */
  automotive: { source: number[]; target: number[]; both: number[] };
}

export interface Occupation {
  uri: string;
  label: string;
  essential: number[];
  optional: number[];
}

export interface Place {
  name: string;
  lat: number;
  lng: number;
}

function readCsv(path: string): Record<string, string>[] {
  return parse(gunzipSync(readFileSync(path)), { columns: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
}

export function loadEsco(dataDir: string): EscoData {
  const esco = join(dataDir, 'esco');
  const skillRows = readCsv(join(esco, 'skills_en.csv.gz'));
  const skills = SkillIndex.of(skillRows.map((r) => r.conceptUri));
  const labels = skillRows.map((r) => r.preferredLabel.trim());
  const edges = readCsv(join(esco, 'broaderRelationsSkillPillar.csv.gz')).map((r) => ({ concept: r.conceptUri, broader: r.broaderUri }));
  const relatedness = Relatedness.fromBroaderEdges(skills, edges);

  const occupationRows = readCsv(join(esco, 'occupations_en.csv.gz'));
  const byUri = new Map<string, Occupation>();
  for (const r of occupationRows) byUri.set(r.conceptUri, { uri: r.conceptUri, label: r.preferredLabel.trim(), essential: [], optional: [] });
  for (const r of readCsv(join(esco, 'occupationSkillRelations.csv.gz'))) {
    const occupation = byUri.get(r.occupationUri);
    const skill = skills.indexOf(r.skillUri);
    // The published relations name one occupation that has no row of its own: skipped, as ESCO's notes advise.
    if (!occupation || skill === undefined) continue;
    (r.relationType === 'essential' ? occupation.essential : occupation.optional).push(skill);
  }
  const occupations = [...byUri.values()].filter((o) => o.essential.length > 0);
  const indexOf = new Map(occupations.map((o, i) => [o.uri, i]));
  const automotive = { source: [] as number[], target: [] as number[], both: [] as number[] };
  for (const r of readCsv(join(esco, 'automotive', 'occupations.csv.gz'))) {
    const i = indexOf.get(r.conceptUri);
    if (i === undefined) continue;
    if (r.role === 'source' || r.role === 'target' || r.role === 'both') automotive[r.role].push(i);
  }
  return { skills, labels, edges, relatedness, occupations, automotive };
}

/** Municipality centroids of northern Italy (NUTS-2 ITC* and ITH*). */
export function loadNorthernPlaces(dataDir: string): Place[] {
  return readCsv(join(dataDir, 'istat', 'comuni.csv.gz'))
    .filter((r) => r.nuts2.startsWith('ITC') || r.nuts2.startsWith('ITH'))
    .map((r) => ({ name: r.name, lat: Number(r.lat), lng: Number(r.lng) }));
}
