import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findCsv } from './csv-file';

/** The files one import reads; optional ones are undefined when a deployment does not ship them. */
export interface TaxonomyFiles {
  skills: string;
  skillGroups: string;
  broader: string;
  occupations: string;
  relations: string;
  comuni: string;
  occupationsIt?: string;
  /** ESCO's official Italian skill labels (not shipped today; they win over Ricarica's translation when present). */
  skillsItOfficial?: string;
  /** Ricarica's Italian translation of the automotive subset's skills. */
  skillsItRicarica?: string;
}

/** Bump when the importer maps the same files differently, so that the next run is not skipped as current. */
export const IMPORT_FORMAT_VERSION = 1;

/** Locates every input file under `dataDir` (each as .csv or .csv.gz). */
export function locateFiles(dataDir: string): TaxonomyFiles {
  const esco = join(dataDir, 'esco');
  const it = join(esco, 'it');
  return {
    skills: findCsv(esco, 'skills_en', true),
    skillGroups: findCsv(esco, 'skillGroups_en', true),
    broader: findCsv(esco, 'broaderRelationsSkillPillar', true),
    occupations: findCsv(esco, 'occupations_en', true),
    relations: findCsv(esco, 'occupationSkillRelations', true),
    comuni: findCsv(join(dataDir, 'istat'), 'comuni', true),
    occupationsIt: findCsv(it, 'occupations_it', false),
    skillsItOfficial: findCsv(it, 'skills_it', false),
    skillsItRicarica: findCsv(it, 'skills_it_automotive', false),
  };
}

/** `<repo>/data`: the nearest `data/esco` folder above this file (works from the sources and from dist/). */
export function defaultDataDir(from: string = __dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'esco'))) return join(dir, 'data');
    if (dirname(dir) === dir) throw new Error(`no data/esco folder above ${from}: pass dataDir`);
  }
}

function fileHash(file: string): Promise<string> {
  return new Promise((ok, fail) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => ok(hash.digest('hex')));
  });
}

/** One hash over every input file's bytes (keyed by role, not path, so moving the folder changes nothing). */
export async function hashFiles(files: TaxonomyFiles): Promise<string> {
  const roles = Object.keys(files).sort() as (keyof TaxonomyFiles)[];
  const parts = await Promise.all(roles.map(async (role) => `${role}:${files[role] ? `${files[role]!.endsWith('.gz') ? 'gz' : 'csv'}:${await fileHash(files[role]!)}` : '-'}`));
  return createHash('sha256').update(`v${IMPORT_FORMAT_VERSION}\n${parts.join('\n')}`).digest('hex');
}
