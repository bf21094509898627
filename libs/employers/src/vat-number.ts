/** Country prefixes of EU VAT numbers (Greece uses EL; XI is Northern Ireland under the Windsor Framework). */
export const EU_VAT_PREFIXES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL',
  'PT', 'RO', 'SE', 'SI', 'SK', 'XI',
] as const;

const EU_VAT_FORMAT = /^[A-Z]{2}[A-Z0-9]{2,13}$/;

/** Upper case without spaces, dots or dashes; an Italian number loses its IT prefix so both spellings are one company. */
export function normalizeVatNumber(raw: string): string {
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  return /^IT\d{11}$/.test(compact) ? compact.slice(2) : compact;
}

/** Partita IVA: 11 digits, the last one a Luhn check digit over the first ten. */
export function isValidPartitaIva(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(digits[i]);
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[10]);
}

/**
 * An Italian partita IVA (with or without the IT prefix, check digit verified) or another EU VAT number with its
 * country prefix (format only: other states' check digits are not verified here).
 */
export function isValidVatNumber(raw: string): boolean {
  const vat = normalizeVatNumber(raw);
  if (/^\d+$/.test(vat)) return isValidPartitaIva(vat);
  if (!EU_VAT_FORMAT.test(vat)) return false;
  const prefix = vat.slice(0, 2);
  // IT followed by anything but 11 valid digits is not an Italian VAT number.
  return prefix !== 'IT' && (EU_VAT_PREFIXES as readonly string[]).includes(prefix);
}
