import { Inject, Injectable, Logger } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { IndexNames, MEILI_CLIENT, PlaceDocument, searchUnavailable } from '@ricarica/search';

/** A municipality as autocomplete shows it. */
export interface PlaceHit {
  istatCode: string;
  name: string;
  /** Province abbreviation ("TO"). */
  province: string;
  provinceName: string;
  /** NUTS-2 code ("ITC1"). */
  region: string;
  regionName: string;
  lat: number;
  lng: number;
}

export const MAX_PLACES_LIMIT = 50;

/** Typo-tolerant municipality autocomplete over the `places` index ("Torno" finds Torino, "Moncalier" Moncalieri). */
@Injectable()
export class PlacesSearchService {
  private readonly logger = new Logger(PlacesSearchService.name);

  constructor(
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    private readonly names: IndexNames,
  ) {}

  async search(q: string, limit: number): Promise<PlaceHit[]> {
    const uid = this.names.places;
    try {
      const { hits } = await this.meili.index<PlaceDocument>(uid).search(q.trim(), { limit: Math.min(Math.max(limit, 1), MAX_PLACES_LIMIT) });
      return hits.map((h) => ({
        istatCode: h.istatCode,
        name: h.name,
        province: h.province,
        provinceName: h.provinceName,
        region: h.region,
        regionName: h.regionName,
        lat: h.lat,
        lng: h.lng,
      }));
    } catch (e) {
      this.logger.warn(`search on ${uid} failed: ${(e as Error).message}`);
      throw searchUnavailable(uid, e);
    }
  }
}
