import { foldText } from '@ricarica/common';
import type { Lang } from '../labels';

/**
 * How people write job titles on a payslip or a CSV export, turned into the words ESCO labels use.
 * Pure functions: the suggester queries Meilisearch with every variant this returns.
 */

/** Words that say nothing about the occupation (grades, shifts, contract, seniority, gender markers). */
const NOISE: Record<Lang, Set<string>> = {
  it: new Set([
    'operaio', 'operai', 'generico', 'generica', 'specializzato', 'specializzata', 'qualificato', 'qualificata', 'esperto', 'esperta',
    'junior', 'senior', 'jr', 'sr', 'turnista', 'turno', 'turni', 'livello', 'liv', 'categoria', 'cat', 'reparto', 'linea', 'di', 'del',
    'della', 'dello', 'dei', 'degli', 'delle', 'al', 'alla', 'allo', 'alle', 'ai', 'agli', 'all', 'a', 'e', 'ed', 'in', 'su', 'sulla',
    'sulle', 'sul', 'per', 'con', 'da', 'il', 'lo', 'la', 'le', 'gli', 'i', 'un', 'una', 'mf', 'm', 'f', 'tempo', 'determinato',
    'indeterminato', 'stabilimento', 'presso', 'area', 'settore', 'primo', 'secondo', 'terzo',
  ]),
  en: new Set([
    'senior', 'junior', 'jr', 'sr', 'lead', 'shift', 'level', 'grade', 'ii', 'iii', 'iv', 'the', 'of', 'and', 'in', 'on', 'for', 'a',
    'an', 'at', 'mf', 'm', 'f', 'temp', 'temporary', 'permanent', 'plant', 'dept', 'department', 'line', 'trainee', 'apprentice', 'with',
  ]),
};

/** Words that on their own name no occupation ("dipendente", "worker"): a title of only these gets no suggestion. */
const GENERIC: Record<Lang, Set<string>> = {
  it: new Set([
    'dipendente', 'impiegato', 'lavoratore', 'stagista', 'tirocinante', 'somministrazione', 'interinale', 'varie', 'altro', 'altri', 'nd', 'na',
    'matricola', 'addetto', 'addetti', 'tecnico', 'operatore', 'responsabile', 'collaboratore', 'personale', 'xxx', 'x',
  ]),
  en: new Set(['employee', 'worker', 'staff', 'member', 'team', 'other', 'general', 'operative', 'na', 'nd', 'associate', 'operator', 'technician', 'xxx', 'x']),
};

/**
 * Words that only introduce the activity ("addetto alla saldatura", "operatore di"). Dropped in one
 * variant and kept in another: ESCO itself titles some occupations "addetto allo stampaggio a iniezione".
 */
const ROLE_PREFIXES = new Set(['addetto', 'addetti', 'operatore', 'operatori', 'impiegato', 'tecnico', 'responsabile']);

/** Italian feminine forms → the masculine ESCO lists first ("operatrice" → "operatore"). */
const FEMININE: [RegExp, string][] = [
  [/trice$/, 'tore'],
  [/iera$/, 'iere'],
  [/^(addett|operai|impiegat|magazzinier|meccanic|tecnic|collaudat|montat|elettricist)a$/, '$1o'],
];
const FEMININE_EXCEPTIONS = new Set(['meccanica', 'tecnica', 'elettronica', 'plastica', 'logistica', 'metalmeccanica', 'qualita']);

/** Italian activity nouns → the agent noun ESCO labels use ("saldatura" → "saldatore"). */
const AGENT: Record<string, string> = {
  saldatura: 'saldatore',
  saldature: 'saldatore',
  verniciatura: 'verniciatore',
  manutenzione: 'manutentore',
  montaggio: 'montatore',
  assemblaggio: 'assemblatore',
  collaudo: 'collaudatore',
  collaudi: 'collaudatore',
  tornitura: 'tornitore',
  fresatura: 'fresatore',
  rettifica: 'rettificatrice',
  cablaggio: 'cablatore',
  cablaggi: 'cablatore',
  imballaggio: 'imballatore',
  magazzino: 'magazziniere',
  carrello: 'carrelli',
  programmazione: 'programmatore',
  progettazione: 'progettista',
  lavorazione: 'operatore',
  lavorazioni: 'operatore',
  robotizzata: 'robot',
  robotizzato: 'robot',
  robotizzati: 'robot',
  capoturno: 'supervisore',
  caporeparto: 'supervisore',
  capolinea: 'supervisore',
};

/** Job names of the shop floor that ESCO spells out ("carrellista" is an operator of forklift trucks). */
const LEXICON: Record<Lang, Record<string, string>> = {
  it: {
    carrellista: 'operatore carrelli elevatori',
    mulettista: 'operatore muletto',
    pressista: 'operatore pressa',
    gruista: 'operatore gru',
    stampista: 'costruttore stampi',
    elettrauto: 'elettricista auto',
    manutentore: 'manutentore macchinari industriali',
    verniciatore: 'verniciatore automobili',
    montatore: 'montatore veicoli',
  },
  en: {
    toolmaker: 'tool and die maker',
    machinist: 'machine operator',
    hgv: 'cargo vehicle driver',
  },
};

const EN_AGENT: Record<string, string> = {
  welding: 'welder',
  painting: 'painter',
  assembly: 'assembler',
  machining: 'machinist',
  testing: 'tester',
  inspection: 'inspector',
  packing: 'packer',
  warehousing: 'warehouse',
};

/** Folded words: lower case, no accents; punctuation, numbers and single letters dropped; "l'operatore" → "operatore". */
export function titleWords(title: string): string[] {
  return foldText(title)
    .replace(/\b[a-z]'/g, ' ')
    .replace(/[’'`]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

function masculine(word: string): string {
  if (FEMININE_EXCEPTIONS.has(word)) return word;
  for (const [pattern, replacement] of FEMININE) if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}

export interface TitleQuery {
  q: string;
  /** Whether candidates are scored against this variant's words (the head noun alone only widens the search). */
  scored: boolean;
}

export interface TitleVariants {
  /** The words kept, in order (noise dropped, Italian in masculine form). */
  words: string[];
  /** Distinct queries to send, most literal first. */
  queries: TitleQuery[];
}

/**
 * The queries one title becomes: the cleaned title; without the introducing role word ("addetto",
 * "operatore") when an activity follows; and with activity nouns turned into agent nouns.
 */
export function titleVariants(title: string, lang: Lang): TitleVariants {
  const raw = titleWords(title);
  const words = raw.map((w) => (lang === 'it' ? masculine(w) : w)).filter((w) => !NOISE[lang].has(w));
  if (words.every((w) => GENERIC[lang].has(w))) return { words, queries: [] };
  const kept = words;
  const queries: string[] = [kept.join(' ')];
  let head: string | undefined;
  const expanded = kept.flatMap((w) => (LEXICON[lang][w] ?? w).split(' '));
  if (expanded.length !== kept.length) queries.push(expanded.join(' '));
  if (lang === 'it') {
    const withoutRole = kept.length > 1 && ROLE_PREFIXES.has(kept[0]) ? kept.slice(1) : kept;
    queries.push(withoutRole.join(' '));
    const agents = withoutRole.map((w) => AGENT[w] ?? w);
    queries.push(agents.join(' '));
    // Hyphen-less Italian compounds people write apart ("elettro meccanico") are rare; the agent form alone helps most.
    const firstAgent = withoutRole.find((w) => AGENT[w] !== undefined && AGENT[w] !== w);
    if (firstAgent) queries.push([AGENT[firstAgent], ...withoutRole.filter((w) => w !== firstAgent)].join(' '));
    // The head noun alone ("saldatore" of "saldatore a filo"): long titles often add words no label has.
    if (agents.length > 1) head = agents[0];
  } else {
    queries.push(kept.map((w) => EN_AGENT[w] ?? w).join(' '));
    // English puts the head noun last ("robotic welding operator").
    if (kept.length > 2) head = kept.slice(-2).join(' ');
  }
  const scored = [...new Set(queries.filter((q) => q.length > 0))];
  return {
    words: kept,
    queries: [...scored.map((q) => ({ q, scored: true })), ...(head && !scored.includes(head) ? [{ q: head, scored: false }] : [])],
  };
}
