import type { StoredCandidate } from '@ricarica/matches';
import { candidateRef, toCandidateView } from './candidate-privacy';

const stored: StoredCandidate = {
  workerId: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10',
  name: 'Giulia Ferrero',
  email: 'giulia@example.it',
  municipality: 'Moncalieri',
  province: 'TO',
  region: 'ITC1',
  employmentStatus: 'displaced',
  languages: ['it'],
  applicationId: null,
  score: 0.75,
  distanceKm: 7.2,
  matched: [{ skillId: 'a', label: 'saldatura TIG', importance: 'essential', minLevel: 2, workerLevel: 3, credit: 1, relatedSkill: null }],
  gap: [{ skillId: 'b', label: 'lettura del disegno tecnico', importance: 'optional', minLevel: 2, workerLevel: null, credit: 0, relatedSkill: null }],
  explanation: 'Hai 1 delle 1 competenze essenziali.',
};
const key = Buffer.from('k'.repeat(32));
const VACANCY = '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40';

describe('toCandidateView', () => {
  it('shows a worker who has not applied without name, email or worker id, placed only to the municipality', () => {
    const view = toCandidateView(stored, VACANCY, key);
    const text = JSON.stringify(view);
    expect(view).toMatchObject({ revealed: false, applicant: null, municipality: 'Moncalieri', province: 'TO', region: 'ITC1', score: 0.75, matchedSkills: 1 });
    for (const secret of ['Giulia', 'giulia@example.it', stored.workerId]) expect(text).not.toContain(secret);
  });

  it('reveals who the worker is once they applied to this vacancy', () => {
    const view = toCandidateView({ ...stored, applicationId: 'a1b2c3d4-0000-4000-8000-000000000001' }, VACANCY, key);
    expect(view.applicant).toEqual({ workerId: stored.workerId, applicationId: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Giulia Ferrero', email: 'giulia@example.it' });
  });

  it('gives the same worker different references on different vacancies, and the same one on each read', () => {
    const other = toCandidateView(stored, '00000000-0000-4000-8000-000000000000', key);
    expect(other.ref).not.toBe(toCandidateView(stored, VACANCY, key).ref);
    expect(toCandidateView(stored, VACANCY, key).ref).toBe(candidateRef(key, VACANCY, stored.workerId));
  });
});
