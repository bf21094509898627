import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row and quotes what needs quoting', () => {
    const csv = toCsv(['name', 'value', 'suppressed'], [
      ["Valle d'Aosta/Vallée d'Aoste", 12, false],
      ['saldatura, "TIG"', null, true],
    ]);
    expect(csv).toBe('\uFEFFname,value,suppressed\r\n' + "Valle d'Aosta/Vallée d'Aoste,12,false\r\n" + '"saldatura, ""TIG""",,true\r\n');
  });

  it('keeps text that a spreadsheet would evaluate from running as a formula, but not negative numbers', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("x")', -3]])).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",-3\r\n');
  });

  it('refuses a row that does not fit the header', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(/2/);
  });
});
