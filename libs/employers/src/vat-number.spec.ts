import { isValidPartitaIva, isValidVatNumber, normalizeVatNumber } from './vat-number';

describe('VAT numbers', () => {
  it('accepts partite IVA whose check digit is right', () => {
    expect(isValidPartitaIva('07973780013')).toBe(true);
    expect(isValidPartitaIva('00159560366')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and all zeros', () => {
    expect(isValidPartitaIva('07973780014')).toBe(false);
    expect(isValidPartitaIva('0797378001')).toBe(false);
    expect(isValidPartitaIva('00000000000')).toBe(false);
  });

  it('treats IT-prefixed and spaced spellings as the same number', () => {
    expect(normalizeVatNumber('it 079 737 80013')).toBe('07973780013');
    expect(isValidVatNumber('IT07973780013')).toBe(true);
    expect(isValidVatNumber('IT07973780014')).toBe(false);
    expect(isValidVatNumber('ITABC')).toBe(false);
  });

  it('accepts other EU numbers by format and refuses unknown prefixes', () => {
    expect(isValidVatNumber('DE123456789')).toBe(true);
    expect(isValidVatNumber('FRXX123456789')).toBe(true);
    expect(isValidVatNumber('US123456789')).toBe(false);
    expect(isValidVatNumber('D')).toBe(false);
  });
});
