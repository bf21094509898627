import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage } from '@ricarica/common';
import { LocationInputDto, PlacesService } from '@ricarica/places';
import { EventName, OutboxService } from '@ricarica/queue';
import type { ProviderSite } from './provider.entity';
import { ProviderErrors } from './provider.errors';
import { CreateProviderInput, ProviderListFilter, ProviderSiteView, ProviderView, UpdateProviderInput } from './provider.types';

interface ProviderRow {
  id: string;
  name: string;
  accreditation: string | null;
  sites: ProviderSite[];
  created_at: Date;
  updated_at: Date;
}

const siteView = (s: ProviderSite): ProviderSiteView => ({
  name: s.name ?? null,
  lat: s.lat,
  lng: s.lng,
  municipality: s.municipality,
  municipalityCode: s.municipalityCode,
  province: s.province,
  region: s.region,
});

const toView = (r: ProviderRow): ProviderView => ({
  id: r.id,
  name: r.name,
  accreditation: r.accreditation,
  sites: r.sites.map(siteView),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** `%`, `_` and `\` typed by people are literal characters, not patterns. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class ProvidersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly places: PlacesService,
    private readonly outbox: OutboxService,
  ) {}

  /** `ownerUserId`: the provider account that will manage it (null when staff make it). */
  async create(input: CreateProviderInput, ownerUserId: string | null = null): Promise<ProviderView> {
    const sites = await this.resolveSites(input.sites ?? []);
    const row = await this.db.transaction(async (m) => {
      const [created]: ProviderRow[] = await m.query(
        `insert into provider (name, accreditation, sites, owner_user_id) values ($1, $2, $3::jsonb, $4) returning *`,
        [input.name, input.accreditation ?? null, JSON.stringify(sites), ownerUserId],
      );
      await this.outbox.add(m, EventName.ProviderChanged, { providerId: created.id });
      return created;
    });
    return toView(row);
  }

  async get(id: string): Promise<ProviderView> {
    const [row]: ProviderRow[] = await this.db.query(`select * from provider where id = $1`, [id]);
    if (!row) throw ProviderErrors.notFound(id);
    return toView(row);
  }

  /** Fields left out stay as they are; `sites`, when given, replaces the whole list. */
  async update(id: string, input: UpdateProviderInput): Promise<ProviderView> {
    const sites = input.sites !== undefined ? await this.resolveSites(input.sites) : undefined;
    const row = await this.db.transaction(async (m) => {
      const [current]: ProviderRow[] = await m.query(`select * from provider where id = $1 for update`, [id]);
      if (!current) throw ProviderErrors.notFound(id);
      const sets: string[] = [];
      const params: unknown[] = [];
      const set = (column: string, value: unknown, cast = '') => {
        params.push(value);
        sets.push(`${column} = $${params.length}${cast}`);
      };
      if (input.name !== undefined) set('name', input.name);
      if (input.accreditation !== undefined) set('accreditation', input.accreditation);
      if (sites !== undefined) set('sites', JSON.stringify(sites), '::jsonb');
      if (sets.length === 0) return current;
      params.push(id);
      // For UPDATE and DELETE the driver answers [rows, affected count].
      const [[updated]]: [ProviderRow[], number] = await m.query(
        `update provider set ${[...sets, 'updated_at = now()'].join(', ')} where id = $${params.length} returning *`,
        params,
      );
      // Its courses' search documents carry its name: the handler re-sends them.
      await this.outbox.add(m, EventName.ProviderChanged, { providerId: id });
      return updated;
    });
    return toView(row);
  }

  /** Its courses go with it (foreign key cascade). */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const courses: { id: string }[] = await m.query(`select id from course where provider_id = $1`, [id]);
      const [, deleted]: [unknown[], number] = await m.query(`delete from provider where id = $1`, [id]);
      if (deleted === 0) throw ProviderErrors.notFound(id);
      // The cascade deletes its courses: each is a change of its own.
      await this.outbox.addMany(m, EventName.CourseChanged, courses.map((c) => ({ courseId: c.id })));
      await this.outbox.add(m, EventName.ProviderChanged, { providerId: id });
    });
  }

  async list(filter: ProviderListFilter): Promise<Page<ProviderView>> {
    const cursor = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.q) add(`p.name ilike ?`, likePattern(filter.q));
    if (filter.region) add(`p.sites @> ?::jsonb`, JSON.stringify([{ region: filter.region }]));
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(p.created_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: ProviderRow[] = await this.db.query(
      `select p.* from provider p ${where.length ? `where ${where.join(' and ')}` : ''}
        order by p.created_at desc, p.id desc limit $${params.length}`,
      params,
    );
    return toPage(
      rows.map((r) => ({ ...r, createdAt: r.created_at })),
      filter.limit,
      toView,
    );
  }

  /** Resolved one by one so that an error names the offending site (`sites[2].municipality`). */
  private async resolveSites(sites: LocationInputDto[]): Promise<ProviderSite[]> {
    const resolved: ProviderSite[] = [];
    for (const [i, site] of sites.entries()) {
      const place = await this.places.resolve(site, `sites[${i}]`);
      resolved.push(site.name ? { name: site.name, ...place } : place);
    }
    return resolved;
  }
}
