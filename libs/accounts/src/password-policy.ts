/** Length limits: 10 at least (NIST SP 800-63B asks for 8); 128 at most, so hashing stays cheap to refuse. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** The most common passwords and the service's own name, compared lower-cased. */
const COMMON = new Set([
  '1234567890', '0123456789', '12345678910', '1111111111', '0000000000', '1234512345', '1q2w3e4r5t', 'qwertyuiop',
  'asdfghjkl1', 'password12', 'password123', 'password1!', 'passw0rd12', 'iloveyou12', 'abcdefghij', 'abc1234567',
  'qwerty1234', 'qwerty12345', 'trustno1234', 'letmein123', 'welcome123', 'football12', 'baseball12', 'superman12',
  'dragon1234', 'sunshine12', 'princess12', 'monkey1234', 'master1234', 'changeme12', 'changeme123', 'admin12345',
  'administrator', 'ricarica123', 'ricarica2026', 'password', 'passwordpassword', 'lavoro1234', 'juventus12',
  'forzajuve1', 'forzainter', 'forzamilan', 'torino1234', 'milano1234', 'napoli1234', 'amoremio12', 'ciaociao12',
  'qwertzuiop', 'azertyuiop', 'zaq12wsxcde',
]);

export interface PasswordContext {
  email: string;
  displayName?: string;
}

/** Why a password is too weak, or [] when it will do. */
export function passwordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (problems.length) return problems;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('is one of the most common passwords');
  else if (new Set(lower).size < 4) problems.push('must use at least 4 different characters');
  else if (isRun(lower)) problems.push('must not be a simple sequence such as abcdefghij or 9876543210');
  const local = context.email.toLowerCase().split('@')[0];
  if (local.length >= 4 && lower.includes(local)) problems.push('must not contain the email address');
  const name = (context.displayName ?? '').toLowerCase().replace(/\s+/g, '');
  if (name.length >= 4 && lower.replace(/\s+/g, '').includes(name)) problems.push('must not contain the display name');
  return problems;
}

/** Every character one code point above (or below) the previous one. */
function isRun(s: string): boolean {
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}
