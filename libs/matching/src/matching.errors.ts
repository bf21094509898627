/**
 * Input the engine cannot score. Callers validate requests first, so reaching one of these is a bug
 * in the caller; the stable code says which rule was broken.
 */
export class MatchingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MatchingError';
  }
}

export const MatchingErrors = {
  invalidLevel: (what: string, value: unknown) => new MatchingError('MATCHING.INVALID_LEVEL', `${what} must be an integer from 1 to 4, got ${String(value)}`),
  invalidImportance: (value: unknown) => new MatchingError('MATCHING.INVALID_IMPORTANCE', `importance must be 'essential' or 'optional', got ${String(value)}`),
  unknownSkill: (skill: unknown, skillCount: number) => new MatchingError('MATCHING.UNKNOWN_SKILL', `skill index ${String(skill)} is outside 0..${skillCount - 1}`),
  invalidNumber: (what: string, value: unknown) => new MatchingError('MATCHING.INVALID_NUMBER', `${what} must be a finite number, got ${String(value)}`),
  duplicateKey: (key: string) => new MatchingError('MATCHING.DUPLICATE_KEY', `key ${key} is listed twice`),
  unknownKey: (key: string) => new MatchingError('MATCHING.UNKNOWN_KEY', `no skill has key ${key}`),
  invalidOption: (name: string, value: unknown) => new MatchingError('MATCHING.INVALID_OPTION', `option ${name} is invalid: ${String(value)}`),
} as const;
