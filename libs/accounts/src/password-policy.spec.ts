import { passwordProblems } from './password-policy';

const context = { email: 'giulia.ferrero@example.it', displayName: 'Giulia Ferrero' };

describe('passwordProblems', () => {
  it('accepts a long, unremarkable passphrase', () => {
    expect(passwordProblems('tram 15 per Moncalieri', context)).toEqual([]);
  });

  it.each([
    ['short1!', 'at least 10 characters'],
    ['x'.repeat(129), 'at most 128 characters'],
    ['Password123', 'most common passwords'],
    ['aaaaaaaaaaaa', '4 different characters'],
    ['abcabcabcabc', '4 different characters'],
    ['abcdefghijkl', 'simple sequence'],
    ['9876543210', 'simple sequence'],
    ['my giulia.ferrero pass', 'email address'],
    ['GiuliaFerrero!!', 'display name'],
  ])('refuses %p: %s', (password, reason) => {
    expect(passwordProblems(password, context).join('; ')).toContain(reason);
  });

  it('ignores a short email local part', () => {
    expect(passwordProblems('ann-and-the-river', { email: 'ann@example.it' })).toEqual([]);
  });
});
