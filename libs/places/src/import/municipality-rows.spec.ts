import { parseComuneRow } from './municipality-rows';
import { isProvincialCapital } from './place-documents';

const row = {
  istat_code: '001086',
  name: 'Ciriè',
  catasto_code: 'C722',
  province_code: '001',
  province_acr: 'TO',
  province_name: 'Torino',
  region_code: '01',
  region_name: 'Piemonte',
  nuts2: 'ITC1',
  lat: '45.21971',
  lng: '7.59154',
};

describe('parseComuneRow', () => {
  it('maps a comuni.csv row, with a folded name key for exact look-ups', () => {
    expect(parseComuneRow(row)).toEqual({
      istatCode: '001086',
      name: 'Ciriè',
      nameKey: 'cirie',
      provinceCode: '001',
      province: 'TO',
      provinceName: 'Torino',
      region: 'ITC1',
      regionName: 'Piemonte',
      lat: 45.21971,
      lng: 7.59154,
    });
  });

  it('names the column of a malformed value', () => {
    expect(() => parseComuneRow({ ...row, istat_code: '1086' })).toThrow('istat_code');
    expect(() => parseComuneRow({ ...row, nuts2: 'Piemonte' })).toThrow('nuts2');
    expect(() => parseComuneRow({ ...row, lat: '' })).toThrow('lat');
    expect(() => parseComuneRow({ ...row, lng: '120' })).toThrow('lng');
  });
});

describe('isProvincialCapital', () => {
  it('recognises capitals of single and compound provinces', () => {
    expect(isProvincialCapital('Torino', 'Torino')).toBe(true);
    expect(isProvincialCapital('Forlì', 'Forlì-Cesena')).toBe(true);
    expect(isProvincialCapital('Urbino', 'Pesaro e Urbino')).toBe(true);
    expect(isProvincialCapital('Monza', 'Monza e della Brianza')).toBe(true);
    expect(isProvincialCapital('Aosta', "Valle d'Aosta/Vallée d'Aoste")).toBe(true);
  });

  it('is false for other municipalities', () => {
    expect(isProvincialCapital('Moncalieri', 'Torino')).toBe(false);
    expect(isProvincialCapital('Brianza', 'Monza e della Brianza')).toBe(false);
  });
});
