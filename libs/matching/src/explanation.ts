import { FULL_CREDIT, type RequirementCredit } from './scoring';

export type ExplanationLanguage = 'it' | 'en';

export interface ExplanationOptions {
  language: ExplanationLanguage;
  /** Skill label in the requested language (the caller owns the taxonomy). */
  label: (skill: number) => string;
  /** How many skills the worker has listed; 0 gives the empty-profile sentence. */
  profileSize: number;
  /** Most missing skills named before "e altre N" / "and N more" (default 3). */
  maxNamed?: number;
}

const LEVELS: Record<ExplanationLanguage, string[]> = {
  it: ['', 'base', 'intermedio', 'avanzato', 'esperto'],
  en: ['', 'basic', 'intermediate', 'advanced', 'expert'],
};

/**
 * One plain sentence about a worker–vacancy pair, built only from the credits, so it never says
 * less than the numbers: how many essential skills are met, and the missing ones by name (the worst
 * first), with the level asked for, the level held when it falls short, or the related skill that
 * earned half credit.
 */
export function explainMatch(requirements: readonly RequirementCredit[], options: ExplanationOptions): string {
  const t = TEXT[options.language];
  const maxNamed = options.maxNamed ?? 3;
  if (requirements.length === 0) return t.noRequirements();
  if (options.profileSize === 0) return t.emptyProfile(count(requirements, 'essential'));

  const essential = requirements.filter((r) => r.importance === 'essential');
  const optional = requirements.filter((r) => r.importance === 'optional');
  const name = (r: RequirementCredit) => describe(r, options);
  if (essential.length === 0) {
    const met = optional.filter(full).length;
    const gaps = worstFirst(optional.filter((r) => !full(r)));
    return gaps.length === 0 ? t.allOptional(optional.length) : t.optionalOnly(met, optional.length, list(gaps.map(name), maxNamed, options.language));
  }
  const met = essential.filter(full).length;
  const gaps = worstFirst(essential.filter((r) => !full(r)));
  if (gaps.length > 0) return t.essentialGaps(met, essential.length, list(gaps.map(name), maxNamed, options.language), gaps.length);
  const optionalGaps = worstFirst(optional.filter((r) => !full(r)));
  if (optionalGaps.length === 0) return t.allMet(essential.length, optional.length);
  return t.optionalGaps(essential.length, list(optionalGaps.map(name), maxNamed, options.language), optionalGaps.length);
}

function full(r: RequirementCredit): boolean {
  return r.credit24 === FULL_CREDIT;
}

function count(rs: readonly RequirementCredit[], importance: 'essential' | 'optional'): number {
  return rs.filter((r) => r.importance === importance).length;
}

/** Largest shortfall first (weight·missing credit), then in the vacancy's order. */
function worstFirst(rs: RequirementCredit[]): RequirementCredit[] {
  return rs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.weight * (FULL_CREDIT - b.r.credit24) - a.r.weight * (FULL_CREDIT - a.r.credit24) || a.i - b.i)
    .map((x) => x.r);
}

function describe(r: RequirementCredit, options: ExplanationOptions): string {
  const levels = LEVELS[options.language];
  const label = options.label(r.skill);
  const it = options.language === 'it';
  if (r.source === 'direct') {
    return it ? `${label} al livello ${levels[r.workerLevel as number]} invece di ${levels[r.minLevel]}` : `${label} at ${levels[r.workerLevel as number]} level instead of ${levels[r.minLevel]}`;
  }
  const level = r.minLevel > 1 ? (it ? ` (livello ${levels[r.minLevel]})` : ` (${levels[r.minLevel]} level)`) : '';
  if (r.source === 'related' && r.relatedSkill !== null) {
    const near = options.label(r.relatedSkill);
    return it ? `${label}${level}, affine a ${near} che già conosci` : `${label}${level}, close to ${near} which you already know`;
  }
  return `${label}${level}`;
}

/** "a, b e c" / "a, b and c", naming at most maxNamed items and counting the rest. */
function list(items: string[], maxNamed: number, language: ExplanationLanguage): string {
  const and = language === 'it' ? 'e' : 'and';
  const named = items.slice(0, Math.max(1, maxNamed));
  const rest = items.length - named.length;
  if (rest > 0) return `${named.join(', ')} ${and} ${language === 'it' ? `altre ${rest}` : `${rest} more`}`;
  if (named.length === 1) return named[0];
  return `${named.slice(0, -1).join(', ')} ${and} ${named[named.length - 1]}`;
}

interface Sentences {
  noRequirements(): string;
  emptyProfile(essential: number): string;
  allMet(essential: number, optional: number): string;
  optionalGaps(essential: number, missing: string, gaps: number): string;
  essentialGaps(met: number, total: number, missing: string, gaps: number): string;
  allOptional(optional: number): string;
  optionalOnly(met: number, total: number, missing: string): string;
}

const TEXT: Record<ExplanationLanguage, Sentences> = {
  it: {
    noRequirements: () => "L'offerta non indica competenze richieste.",
    emptyProfile: (e) => `Non hai ancora indicato competenze nel profilo${e > 0 ? `: l'offerta ne chiede ${e} essenzial${e === 1 ? 'e' : 'i'}` : ''}.`,
    allMet: (e, o) => (o > 0 ? `Hai tutte le competenze richieste: ${e} essenzial${e === 1 ? 'e' : 'i'} e ${o} facoltativ${o === 1 ? 'a' : 'e'}.` : e === 1 ? "Hai l'unica competenza essenziale richiesta." : `Hai tutte le ${e} competenze essenziali richieste.`),
    optionalGaps: (e, missing, gaps) => `${e === 1 ? "Hai l'unica competenza essenziale" : `Hai tutte le ${e} competenze essenziali`}; delle facoltative ti manc${gaps === 1 ? 'a' : 'ano'} ${missing}.`,
    essentialGaps: (met, total, missing, gaps) => {
      const lead = total === 1 ? "l'unica competenza essenziale" : met === 0 ? `nessuna delle ${total} competenze essenziali` : `${met} delle ${total} competenze essenziali`;
      return total === 1 ? `Ti manca ${lead}: ${missing}.` : `${met === 0 ? 'Non hai' : 'Hai'} ${lead}; ti manc${gaps === 1 ? 'a' : 'ano'} ${missing}.`;
    },
    allOptional: (o) => `L'offerta non ha competenze essenziali e hai tutte le ${o} facoltative.`,
    optionalOnly: (met, total, missing) => `L'offerta non ha competenze essenziali; hai ${met} delle ${total} facoltative e ti manc${total - met === 1 ? 'a' : 'ano'} ${missing}.`,
  },
  en: {
    noRequirements: () => 'The vacancy lists no required skills.',
    emptyProfile: (e) => `You have not listed any skills yet${e > 0 ? `; the vacancy asks for ${e} essential skill${e === 1 ? '' : 's'}` : ''}.`,
    allMet: (e, o) => (o > 0 ? `You have all the required skills: ${e} essential and ${o} optional.` : e === 1 ? 'You have the one essential skill required.' : `You have all ${e} essential skills.`),
    optionalGaps: (e, missing) => `${e === 1 ? 'You have the one essential skill' : `You have all ${e} essential skills`}; of the optional ones you lack ${missing}.`,
    essentialGaps: (met, total, missing) => (total === 1 ? `You lack the one essential skill: ${missing}.` : `You have ${met === 0 ? 'none' : met} of the ${total} essential skills; you lack ${missing}.`),
    allOptional: (o) => `The vacancy has no essential skills and you have all ${o} optional ones.`,
    optionalOnly: (met, total, missing) => `The vacancy has no essential skills; you have ${met} of the ${total} optional ones and lack ${missing}.`,
  },
};
