import { randomInt, randomUUID } from 'node:crypto';
import { ESCO } from './esco-ids';

/** A random partita IVA with a right check digit, so that every run registers new companies. */
export function partitaIva(): string {
  const digits = Array.from({ length: 10 }, () => randomInt(10));
  digits[0] = 1 + randomInt(9);
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2), 0);
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomUUID()}@example.it`;

/** A password that passes the policy. */
export const GOOD_PASSWORD = 'tram 15 per Moncalieri';

export const FUTURE = '2031-06-30T23:59:59+02:00';

export const workerBody = (patch: Record<string, unknown> = {}) => ({
  name: 'Giulia Ferrero',
  email: uniqueEmail('worker'),
  home: { municipality: 'Moncalieri' },
  employmentStatus: 'displaced',
  skills: [{ skillId: ESCO.skill.tigWelding, level: 3 }],
  ...patch,
});

export const employerBody = (patch: Record<string, unknown> = {}) => ({ name: 'Componenti Test S.p.A.', vatNumber: partitaIva(), ...patch });

export const providerBody = (patch: Record<string, unknown> = {}) => ({ name: 'Ente Formazione Test', ...patch });

export const vacancyBody = (employerId: string, patch: Record<string, unknown> = {}) => ({
  employerId,
  title: 'Saldatore TIG',
  location: { municipality: 'Torino' },
  contractType: 'permanent',
  requirements: [{ skillId: ESCO.skill.tigWelding, importance: 'essential', minLevel: 2 }],
  status: 'open',
  expiresAt: FUTURE,
  ...patch,
});

export const courseBody = (providerId: string, patch: Record<string, unknown> = {}) => ({
  providerId,
  title: 'Manutenzione batterie EV',
  mode: 'in_person',
  location: { municipality: 'Torino' },
  hours: 120,
  skillsTaught: [{ skillId: ESCO.skill.operateBatteryTestEquipment, targetLevel: 3 }],
  sessions: [{ startsAt: '2032-02-01T09:00:00+01:00', endsAt: '2032-04-30T18:00:00+02:00', seats: 10 }],
  status: 'published',
  ...patch,
});
