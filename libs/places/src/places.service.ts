import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, foldText } from '@ricarica/common';
import type { LocationInputDto } from './location-input.dto';
import type { Place } from './place';

interface MunicipalityRow {
  istat_code: string;
  name: string;
  province: string;
  region: string;
  lat: number;
  lng: number;
  distance_km?: number;
}

/** Given coordinates further than this from any municipality centroid get no municipality filled in. */
const NEAREST_MUNICIPALITY_MAX_KM = 25;

/** Turns what people type (a town, or coordinates) into a full Place from the ISTAT table. */
@Injectable()
export class PlacesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `field` names the location in errors, e.g. `home` or `sites[1]`. */
  async resolve(input: LocationInputDto, field: string): Promise<Place> {
    const hasCoords = input.lat !== undefined && input.lng !== undefined;
    if (!input.municipality && !hasCoords) {
      throw DomainError.invalid('LOCATION.MISSING', [{ field, reason: 'give a municipality or both lat and lng' }]);
    }
    const found = input.municipality
      ? await this.byMunicipality(input.municipality, input.province, field)
      : await this.nearest(input.lat as number, input.lng as number);
    return {
      lat: hasCoords ? (input.lat as number) : (found as MunicipalityRow).lat,
      lng: hasCoords ? (input.lng as number) : (found as MunicipalityRow).lng,
      municipality: found?.name ?? null,
      municipalityCode: found?.istat_code ?? null,
      province: found?.province ?? null,
      region: found?.region ?? null,
    };
  }

  private async byMunicipality(value: string, province: string | undefined, field: string): Promise<MunicipalityRow> {
    const trimmed = value.trim();
    const rows: MunicipalityRow[] = /^\d{6}$/.test(trimmed)
      ? await this.db.query(`select istat_code, name, province, region, lat, lng from municipality where istat_code = $1`, [trimmed])
      : await this.db.query(
          `select istat_code, name, province, region, lat, lng from municipality where name_key = $1 and ($2::text is null or province = upper($2)) order by istat_code`,
          [foldText(trimmed), province ?? null],
        );
    if (rows.length === 0) {
      throw DomainError.invalid('LOCATION.UNKNOWN_MUNICIPALITY', [
        { field: `${field}.municipality`, reason: `"${trimmed}" is not an Italian municipality (ISTAT code or exact name)${province ? ` in province ${province.toUpperCase()}` : ''}` },
      ]);
    }
    if (rows.length > 1) {
      const options = rows.map((r) => `${r.istat_code} (${r.province})`).join(', ');
      throw DomainError.invalid('LOCATION.AMBIGUOUS_MUNICIPALITY', [
        { field: `${field}.municipality`, reason: `"${trimmed}" names several municipalities: give the province or the ISTAT code (${options})` },
      ]);
    }
    return rows[0];
  }

  private async nearest(lat: number, lng: number): Promise<MunicipalityRow | undefined> {
    // A bounding box first keeps this on a small slice of the table; then the exact distance.
    const rows: MunicipalityRow[] = await this.db.query(
      `select istat_code, name, province, region, lat, lng,
              6371 * 2 * asin(sqrt(power(sin(radians(lat - $1) / 2), 2) + cos(radians($1)) * cos(radians(lat)) * power(sin(radians(lng - $2) / 2), 2))) as distance_km
         from municipality
        where lat between $1 - 0.3 and $1 + 0.3 and lng between $2 - 0.45 and $2 + 0.45
        order by distance_km limit 1`,
      [lat, lng],
    );
    return rows[0] && rows[0].distance_km! <= NEAREST_MUNICIPALITY_MAX_KM ? rows[0] : undefined;
  }
}
