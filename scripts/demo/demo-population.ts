import { DemoMunicipality, DemoOccupation } from './demo-source';
import { Rng } from './rng';

// The demo data set: a few hundred workers around Turin and Milan, employers with vacancies,
// training bodies with courses, all on real ESCO occupations and skills. Deterministic (seeded).
// Piemonte's workers come mostly from assembly and metalworking, and its courses teach less
// electrical/EV and semiconductor work than Lombardia's, so the two regions show different gaps.

export const DEMO_EMAIL_DOMAIN = 'demo.ricarica.it';

const HUBS = {
  ITC1: { name: 'Torino', lat: 45.0717, lng: 7.6779, radiusKm: 35 },
  ITC4: { name: 'Milano', lat: 45.4682, lng: 9.1732, radiusKm: 35 },
} as const;
type Region = keyof typeof HUBS;

const FIRST_NAMES = ['Giulia', 'Marco', 'Luca', 'Sara', 'Francesca', 'Alessandro', 'Paolo', 'Elena', 'Davide', 'Chiara', 'Andrea', 'Martina', 'Stefano', 'Valentina', 'Matteo', 'Silvia', 'Roberto', 'Federica', 'Giorgio', 'Anna', 'Simone', 'Laura', 'Fabio', 'Alessia', 'Antonio', 'Ilaria', 'Massimo', 'Giada', 'Youssef', 'Ioana', 'Mihai', 'Fatima'];
const LAST_NAMES = ['Rossi', 'Ferrero', 'Bianchi', 'Colombo', 'Russo', 'Gallo', 'Costa', 'Fontana', 'Conti', 'Esposito', 'Ricci', 'Bruno', 'Moretti', 'Marino', 'Greco', 'Barbieri', 'Lombardi', 'Giordano', 'Rinaldi', 'Bosio', 'Gribaudo', 'Brambilla', 'Villa', 'Cattaneo', 'Popescu', 'El Amrani'];
const COMPANY_STEMS = ['Meccanica', 'Componenti', 'Elettronica', 'Automazione', 'Batterie', 'Stampaggio', 'Powertrain', 'Mobilità', 'Cablaggi', 'Semiconduttori', 'Logistica', 'Impianti'];
const COMPANY_PLACES = ['Subalpina', 'Canavese', 'del Po', 'Lombarda', 'Brianza', 'Padana', 'Sabauda', 'Ambrosiana', 'Alpina', 'Insubre'];
const PROVIDER_NAMES = ['CIOFS-FP', 'Enaip', 'Engim', 'Immaginazione e Lavoro', 'Fondazione Its Mobilità', 'Fondazione Its Meccatronico', 'CNOS-FAP', 'Afol Metropolitana', 'Fondazione Clerici', 'Galdus', 'Politecnico Formazione Continua', 'Scuola Camerana', 'Its Academy Lombardia Meccatronica', 'Centro Formazione Batterie', 'Cisita Formazione'];
const NACE_BY_CATEGORY: Record<string, string> = {
  assembly: '29.10', metalworking: '25.62', engineering: '29.32', quality: '29.32', 'electrical-ev': '27.20', semiconductor: '26.11',
  automation: '28.41', 'vehicle-service': '45.20', 'industrial-maintenance': '33.12', energy: '35.11', logistics: '52.10', 'data-it': '62.01',
};
const FUNDING = ['GOL', 'FSE+', 'fondi_interprofessionali', 'regional', 'employer', 'none'] as const;

export interface DemoWorker {
  name: string;
  email: string;
  home: { municipality: string };
  mobilityRadiusKm: number;
  languages: string[];
  employmentStatus: 'displaced' | 'at_risk' | 'employed' | 'unemployed';
  previousOccupations: { occupationId: string; years: number }[];
  skills: { skillId: string; level: number; source: 'declared' }[];
  visibleToEmployers: boolean;
}

export interface DemoEmployer {
  name: string;
  vatNumber: string;
  naceCode: string;
  sites: { name: string; municipality: string }[];
  vacancies: DemoVacancy[];
}

export interface DemoVacancy {
  title: string;
  description: string;
  occupationId: string;
  location: { municipality: string };
  remote: boolean;
  requirements: { skillId: string; importance: 'essential' | 'optional'; minLevel: number }[];
  contractType: 'permanent' | 'fixed_term' | 'apprenticeship' | 'temporary';
  salaryMinEur: number;
  salaryMaxEur: number;
  openings: number;
  status: 'open';
  expiresAt: string;
}

export interface DemoProvider {
  name: string;
  accreditation: string;
  sites: { name: string; municipality: string }[];
  courses: DemoCourse[];
}

export interface DemoCourse {
  title: string;
  description: string;
  language: string;
  mode: 'in_person' | 'online' | 'blended';
  location?: { municipality: string };
  skillsTaught: { skillId: string; targetLevel: number }[];
  prerequisites: string[];
  hours: number;
  costEur: number;
  funding: (typeof FUNDING)[number][];
  eqfLevel: number;
  sessions: { startsAt: string; endsAt: string; seats: number }[];
  status: 'published';
}

export interface DemoPopulation {
  workers: DemoWorker[];
  employers: DemoEmployer[];
  providers: DemoProvider[];
}

function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A valid Italian partita IVA (11 digits, last one the Luhn-style check digit). */
export function partitaIva(rng: Rng): string {
  const digits = Array.from({ length: 10 }, () => rng.int(0, 9));
  digits[7] = 0;
  digits[8] = 0;
  digits[9] = 1; // office code 001 (Torino) keeps it realistic
  let sum = 0;
  digits.forEach((d, i) => {
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  });
  return digits.join('') + String((10 - (sum % 10)) % 10);
}

const CATEGORY_WEIGHTS: Record<Region, Record<string, number>> = {
  ITC1: { assembly: 5, metalworking: 4, engineering: 2, quality: 2, 'electrical-ev': 1, 'vehicle-service': 1 },
  ITC4: { assembly: 2, metalworking: 2, engineering: 3, quality: 2, 'electrical-ev': 3, 'vehicle-service': 1 },
};

/** Course topics by region: Piemonte gets fewer battery, electronics and semiconductor courses. */
const COURSE_CATEGORY_WEIGHTS: Record<Region, Record<string, number>> = {
  ITC1: { 'electrical-ev': 1, semiconductor: 0.3, automation: 3, 'industrial-maintenance': 3, logistics: 3, energy: 2, 'data-it': 1, quality: 2, metalworking: 2 },
  ITC4: { 'electrical-ev': 4, semiconductor: 2, automation: 3, 'industrial-maintenance': 2, logistics: 2, energy: 2, 'data-it': 2, quality: 1, metalworking: 1 },
};

export function buildDemoPopulation(
  occupations: DemoOccupation[],
  municipalities: DemoMunicipality[],
  now: Date,
  sizes = { workers: 400, employers: 30, providers: 15 },
): DemoPopulation {
  const rng = new Rng(20261123);
  const near: Record<Region, DemoMunicipality[]> = {
    ITC1: municipalities.filter((m) => m.region === 'ITC1' && haversineKm(m, HUBS.ITC1) <= HUBS.ITC1.radiusKm),
    ITC4: municipalities.filter((m) => m.region === 'ITC4' && haversineKm(m, HUBS.ITC4) <= HUBS.ITC4.radiusKm),
  };
  // Bigger towns near the hubs appear more often: weight the hub city itself.
  const placeIn = (region: Region) => (rng.chance(0.3) ? HUBS[region].name : rng.pick(near[region]).name);
  const regionFor = () => (rng.chance(0.55) ? 'ITC1' : 'ITC4') as Region;
  const sources = occupations.filter((o) => o.role !== 'target' && o.essential.length > 0);
  const targets = occupations.filter((o) => o.role !== 'source' && o.essential.length > 0);
  const byCategory = (list: DemoOccupation[], weights: Record<string, number>) =>
    list.filter((o) => weights[o.category] !== undefined).map((o) => [o, weights[o.category]] as const);
  const days = (n: number) => new Date(now.getTime() + n * 86400000).toISOString();

  const workers: DemoWorker[] = [];
  for (let i = 0; i < sizes.workers; i++) {
    const region = regionFor();
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const pastCount = rng.chance(0.35) ? 2 : 1;
    const past: DemoOccupation[] = [];
    while (past.length < pastCount) {
      const o = rng.weighted(byCategory(sources, CATEGORY_WEIGHTS[region]));
      if (!past.includes(o)) past.push(o);
    }
    const declared = rng.sample([...new Set(past.flatMap((o) => [...o.optional, ...o.essential.slice(0, 3)]))], rng.int(1, 6));
    workers.push({
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@${DEMO_EMAIL_DOMAIN}`.toLowerCase().replace(/\s+/g, ''),
      home: { municipality: placeIn(region) },
      mobilityRadiusKm: rng.pick([15, 20, 30, 40, 50, 60]),
      languages: rng.chance(0.3) ? ['it', 'en'] : ['it'],
      employmentStatus: rng.weighted([['displaced', 40], ['at_risk', 35], ['employed', 15], ['unemployed', 10]] as const),
      previousOccupations: past.map((o) => ({ occupationId: o.id, years: rng.int(2, 25) })),
      skills: declared.map((skillId) => ({ skillId, level: rng.int(1, 4), source: 'declared' as const })),
      visibleToEmployers: rng.chance(0.65),
    });
  }

  const employers: DemoEmployer[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < sizes.employers; i++) {
    const region = i % 2 === 0 ? 'ITC1' : 'ITC4';
    let name: string;
    do name = `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_PLACES)} ${rng.pick(['S.p.A.', 'S.r.l.'])}`;
    while (usedNames.has(name));
    usedNames.add(name);
    const sites = [{ name: 'Stabilimento', municipality: placeIn(region) }];
    if (rng.chance(0.3)) sites.push({ name: 'Sede', municipality: HUBS[region].name });
    const vacancyCount = rng.int(2, 6);
    const vacancies: DemoVacancy[] = [];
    for (let v = 0; v < vacancyCount; v++) {
      const o = rng.pick(targets);
      const essentials = rng.sample(o.essential, rng.int(4, 8));
      const optionals = rng.sample(o.optional.filter((s) => !essentials.includes(s)), rng.int(1, 3));
      const salaryMin = rng.int(24, 38) * 1000;
      vacancies.push({
        title: o.labelEn.charAt(0).toUpperCase() + o.labelEn.slice(1),
        description: `${name} cerca ${o.labelEn} per il sito di ${sites[0].municipality}.`,
        occupationId: o.id,
        location: { municipality: rng.pick(sites).municipality },
        remote: o.category === 'data-it' ? rng.chance(0.5) : rng.chance(0.05),
        requirements: [
          ...essentials.map((skillId) => ({ skillId, importance: 'essential' as const, minLevel: rng.weighted([[1, 1], [2, 4], [3, 2]] as const) })),
          ...optionals.map((skillId) => ({ skillId, importance: 'optional' as const, minLevel: rng.int(1, 2) })),
        ],
        contractType: rng.weighted([['permanent', 5], ['fixed_term', 3], ['apprenticeship', 1], ['temporary', 1]] as const),
        salaryMinEur: salaryMin,
        salaryMaxEur: salaryMin + rng.int(2, 10) * 1000,
        openings: rng.int(1, 8),
        status: 'open',
        expiresAt: days(rng.int(20, 120)),
      });
    }
    employers.push({ name, vatNumber: partitaIva(rng), naceCode: NACE_BY_CATEGORY[vacancies[0] ? targets.find((t) => t.id === vacancies[0].occupationId)!.category : 'assembly'], sites, vacancies });
  }

  const providers: DemoProvider[] = [];
  for (let i = 0; i < sizes.providers; i++) {
    const region = (i % 2 === 0 ? 'ITC1' : 'ITC4') as Region;
    const site = { name: 'Sede formativa', municipality: placeIn(region) };
    const courses: DemoCourse[] = [];
    for (let c = rng.int(5, 10); c > 0; c--) {
      const o = rng.weighted(byCategory(targets, COURSE_CATEGORY_WEIGHTS[region]));
      const taught = rng.sample(o.essential, rng.int(3, 6));
      const mode = rng.weighted([['in_person', 6], ['blended', 3], ['online', 2]] as const);
      const hours = rng.pick([24, 40, 60, 80, 120, 160, 200, 300]);
      const funded = rng.chance(0.7);
      const sessions = Array.from({ length: rng.int(1, 3) }, (_, s) => {
        const start = rng.int(7, 150) + s * 30;
        return { startsAt: days(start), endsAt: days(start + Math.ceil(hours / 20) * 7), seats: rng.int(8, 25) };
      });
      courses.push({
        title: `Corso: ${o.labelEn}`,
        description: `Percorso di riqualificazione verso ${o.labelEn}: ${taught.length} competenze ESCO.`,
        language: 'it',
        mode,
        location: mode === 'online' ? undefined : { municipality: site.municipality },
        skillsTaught: taught.map((skillId) => ({ skillId, targetLevel: rng.weighted([[2, 3], [3, 2]] as const) })),
        prerequisites: [],
        hours,
        costEur: funded ? 0 : rng.int(3, 30) * 100,
        funding: funded ? [rng.pick(['GOL', 'FSE+', 'fondi_interprofessionali', 'regional'] as const)] : ['none'],
        eqfLevel: rng.int(3, 5),
        sessions,
        status: 'published',
      });
    }
    providers.push({ name: PROVIDER_NAMES[i % PROVIDER_NAMES.length], accreditation: `Regione ${region === 'ITC1' ? 'Piemonte' : 'Lombardia'}, accreditamento n. ${rng.int(100, 999)}/${String(rng.int(1, 99)).padStart(3, '0')}`, sites: [site], courses });
  }
  return { workers, employers, providers };
}
