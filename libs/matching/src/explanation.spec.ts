import { explainMatch, type ExplanationLanguage } from './explanation';
import { Relatedness } from './relatedness';
import { scorePair, type Requirement, type WorkerSkill } from './scoring';
import { SkillIndex } from './skill-index';

const keys = ['tig', 'drawing', 'safety', 'plc', 'cad', 'mig', 'forklift', 'lean'];
const skills = SkillIndex.of(keys);
const rel = Relatedness.fromBroaderEdges(skills, [
  { concept: 'tig', broader: 'welding' },
  { concept: 'mig', broader: 'welding' },
]);
const [TIG, DRAWING, SAFETY, PLC, CAD, MIG, FORKLIFT, LEAN] = keys.map((_, i) => i);
const IT: Record<string, string> = { tig: 'saldatura TIG', drawing: 'lettura del disegno tecnico', safety: 'sicurezza sul lavoro', plc: 'programmazione PLC', cad: 'CAD', mig: 'saldatura MIG', forklift: 'carrello elevatore', lean: 'lean manufacturing' };
const EN: Record<string, string> = { tig: 'TIG welding', drawing: 'technical drawing reading', safety: 'workplace safety', plc: 'PLC programming', cad: 'CAD', mig: 'MIG welding', forklift: 'forklift driving', lean: 'lean manufacturing' };

function explain(profile: WorkerSkill[], reqs: Requirement[], language: ExplanationLanguage): string {
  const labels = language === 'it' ? IT : EN;
  return explainMatch(scorePair(profile, reqs, rel).requirements, { language, label: (s) => labels[keys[s]], profileSize: profile.length });
}

const essential = (skill: number, minLevel = 1): Requirement => ({ skill, importance: 'essential', minLevel });
const optional = (skill: number, minLevel = 1): Requirement => ({ skill, importance: 'optional', minLevel });

describe('explainMatch', () => {
  const nine = [essential(TIG), essential(DRAWING, 2), essential(SAFETY), essential(PLC), essential(CAD), essential(FORKLIFT), essential(LEAN), essential(MIG, 3), optional(PLC, 4)];
  const seven: WorkerSkill[] = [SAFETY, PLC, CAD, FORKLIFT, LEAN].map((skill) => ({ skill, level: 4 }));

  it('counts the essential skills met and names the missing ones with the level asked', () => {
    const reqs = [essential(TIG), essential(DRAWING, 2), essential(SAFETY), essential(PLC), essential(CAD), essential(FORKLIFT), essential(LEAN), essential(MIG), essential(PLC)];
    const profile = [...seven, { skill: MIG, level: 2 }];
    expect(explain(profile, reqs, 'it')).toBe('Hai 7 delle 9 competenze essenziali; ti mancano lettura del disegno tecnico (livello intermedio) e saldatura TIG, affine a saldatura MIG che già conosci.');
    expect(explain(profile, reqs, 'en')).toBe('You have 7 of the 9 essential skills; you lack technical drawing reading (intermediate level) and TIG welding, close to MIG welding which you already know.');
  });

  it('says when a skill is held below the level asked', () => {
    const profile = [...seven, { skill: TIG, level: 1 }, { skill: DRAWING, level: 1 }, { skill: MIG, level: 3 }];
    expect(explain(profile, nine, 'it')).toBe('Hai 7 delle 8 competenze essenziali; ti manca lettura del disegno tecnico al livello base invece di intermedio.');
    expect(explain(profile, nine, 'en')).toBe('You have 7 of the 8 essential skills; you lack technical drawing reading at basic level instead of intermediate.');
  });

  it('names at most three missing skills, the largest shortfall first then in the vacancy’s order, and counts the rest', () => {
    expect(explain([{ skill: SAFETY, level: 1 }], nine, 'it')).toBe('Hai 1 delle 8 competenze essenziali; ti mancano saldatura TIG, lettura del disegno tecnico (livello intermedio), programmazione PLC e altre 4.');
    expect(explain([{ skill: SAFETY, level: 1 }], nine, 'en')).toBe('You have 1 of the 8 essential skills; you lack TIG welding, technical drawing reading (intermediate level), PLC programming and 4 more.');
  });

  it('reports all essential skills met, with the optional gaps only', () => {
    const reqs = [essential(TIG), essential(SAFETY), optional(PLC, 3)];
    expect(explain([{ skill: TIG, level: 2 }, { skill: SAFETY, level: 2 }], reqs, 'it')).toBe('Hai tutte le 2 competenze essenziali; delle facoltative ti manca programmazione PLC (livello avanzato).');
    expect(explain([{ skill: TIG, level: 2 }, { skill: SAFETY, level: 2 }], reqs, 'en')).toBe('You have all 2 essential skills; of the optional ones you lack PLC programming (advanced level).');
    expect(explain([{ skill: TIG, level: 2 }, { skill: SAFETY, level: 2 }, { skill: PLC, level: 3 }], reqs, 'en')).toBe('You have all the required skills: 2 essential and 1 optional.');
  });

  it('handles vacancies without essential skills', () => {
    const reqs = [optional(CAD), optional(LEAN)];
    expect(explain([{ skill: CAD, level: 1 }], reqs, 'it')).toBe("L'offerta non ha competenze essenziali; hai 1 delle 2 facoltative e ti manca lean manufacturing.");
    expect(explain([{ skill: CAD, level: 1 }], reqs, 'en')).toBe('The vacancy has no essential skills; you have 1 of the 2 optional ones and lack lean manufacturing.');
  });

  it('handles an empty profile and a vacancy without requirements', () => {
    expect(explain([], nine, 'it')).toBe("Non hai ancora indicato competenze nel profilo: l'offerta ne chiede 8 essenziali.");
    expect(explain([], nine, 'en')).toBe('You have not listed any skills yet; the vacancy asks for 8 essential skills.');
    expect(explain([{ skill: CAD, level: 1 }], [], 'en')).toBe('The vacancy lists no required skills.');
  });

  it('says none when no essential skill is met', () => {
    expect(explain([{ skill: LEAN, level: 1 }], [essential(TIG), essential(CAD)], 'it')).toBe('Non hai nessuna delle 2 competenze essenziali; ti mancano saldatura TIG e CAD.');
    expect(explain([{ skill: LEAN, level: 1 }], [essential(TIG), essential(CAD)], 'en')).toBe('You have none of the 2 essential skills; you lack TIG welding and CAD.');
  });
});
