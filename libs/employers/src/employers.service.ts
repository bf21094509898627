import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { decodeCursor, Page, toPage } from '@ricarica/common';
import { LocationInputDto, PlacesService } from '@ricarica/places';
import { EventName, OutboxService } from '@ricarica/queue';
import type { Site } from './employer.entity';
import { EmployerErrors } from './employer.errors';
import { CreateEmployerInput, EmployerListFilter, EmployerView, SiteView, UpdateEmployerInput } from './employer.types';
import { normalizeVatNumber } from './vat-number';

interface EmployerRow {
  id: string;
  name: string;
  vat_number: string;
  nace_code: string | null;
  sites: Site[];
  created_at: Date;
  updated_at: Date;
}

const toView = (r: EmployerRow): EmployerView => ({
  id: r.id,
  name: r.name,
  vatNumber: r.vat_number,
  naceCode: r.nace_code,
  sites: r.sites.map(siteView),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const siteView = (s: Site): SiteView => ({
  name: s.name ?? null,
  lat: s.lat,
  lng: s.lng,
  municipality: s.municipality,
  municipalityCode: s.municipalityCode,
  province: s.province,
  region: s.region,
});

/** The VAT number's unique index, not another one (the owner account's). */
const isVatTaken = (e: unknown) =>
  e instanceof QueryFailedError && (e as { code?: string }).code === '23505' && String((e as { detail?: string }).detail).includes('(vat_number)');

/** `%`, `_` and `\` typed by people are literal characters, not patterns. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class EmployersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly places: PlacesService,
    private readonly outbox: OutboxService,
  ) {}

  /** `ownerUserId`: the employer account that will manage it (null when staff make it). */
  async create(input: CreateEmployerInput, ownerUserId: string | null = null): Promise<EmployerView> {
    const vat = normalizeVatNumber(input.vatNumber);
    const sites = await this.resolveSites(input.sites ?? []);
    const row = await this.writing(async (m) => {
      await this.assertVatFree(m, vat);
      const [created]: EmployerRow[] = await m.query(
        `insert into employer (name, vat_number, nace_code, sites, owner_user_id) values ($1, $2, $3, $4::jsonb, $5) returning *`,
        [input.name, vat, input.naceCode ?? null, JSON.stringify(sites), ownerUserId],
      );
      await this.outbox.add(m, EventName.EmployerChanged, { employerId: created.id });
      return created;
    });
    return toView(row);
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<EmployerView> {
    const [row]: EmployerRow[] = await manager.query(`select * from employer where id = $1`, [id]);
    if (!row) throw EmployerErrors.notFound(id);
    return toView(row);
  }

  /** Fields left out stay as they are; `sites`, when given, replaces the whole list. */
  async update(id: string, input: UpdateEmployerInput): Promise<EmployerView> {
    const vat = input.vatNumber !== undefined ? normalizeVatNumber(input.vatNumber) : undefined;
    const sites = input.sites !== undefined ? await this.resolveSites(input.sites) : undefined;
    const row = await this.writing(async (m) => {
      const [current]: { id: string }[] = await m.query(`select id from employer where id = $1 for update`, [id]);
      if (!current) throw EmployerErrors.notFound(id);
      if (vat !== undefined) await this.assertVatFree(m, vat, id);
      const sets: string[] = [];
      const params: unknown[] = [];
      const set = (column: string, value: unknown, cast = '') => {
        params.push(value);
        sets.push(`${column} = $${params.length}${cast}`);
      };
      if (input.name !== undefined) set('name', input.name);
      if (vat !== undefined) set('vat_number', vat);
      if (input.naceCode !== undefined) set('nace_code', input.naceCode);
      if (sites !== undefined) set('sites', JSON.stringify(sites), '::jsonb');
      if (sets.length === 0) return this.rowOf(m, id);
      params.push(id);
      // For UPDATE and DELETE the driver answers [rows, affected count].
      const [[updated]]: [EmployerRow[], number] = await m.query(
        `update employer set ${[...sets, 'updated_at = now()'].join(', ')} where id = $${params.length} returning *`,
        params,
      );
      // Its vacancies' search documents carry its name: the handler re-sends them.
      await this.outbox.add(m, EventName.EmployerChanged, { employerId: id });
      return updated;
    });
    return toView(row);
  }

  /** Its vacancies go with it (foreign key cascade). */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const vacancies: { id: string }[] = await m.query(`select id from vacancy where employer_id = $1`, [id]);
      const [, deleted]: [unknown[], number] = await m.query(`delete from employer where id = $1`, [id]);
      if (deleted === 0) throw EmployerErrors.notFound(id);
      // The cascade deletes its vacancies: each is a change of its own.
      await this.outbox.addMany(m, EventName.VacancyChanged, vacancies.map((v) => ({ vacancyId: v.id })));
      await this.outbox.add(m, EventName.EmployerChanged, { employerId: id });
    });
  }

  async list(filter: EmployerListFilter): Promise<Page<EmployerView>> {
    const cursor = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.q) add(`e.name ilike ?`, likePattern(filter.q));
    if (filter.region) add(`e.sites @> ?::jsonb`, JSON.stringify([{ region: filter.region }]));
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(e.created_at, e.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit + 1);
    const rows: EmployerRow[] = await this.db.query(
      `select e.* from employer e ${where.length ? `where ${where.join(' and ')}` : ''}
        order by e.created_at desc, e.id desc limit $${params.length}`,
      params,
    );
    return toPage(
      rows.map((r) => ({ ...r, createdAt: r.created_at })),
      filter.limit,
      toView,
    );
  }

  /** Resolved one by one so that an error names the offending site (`sites[2].municipality`). */
  private async resolveSites(sites: LocationInputDto[]): Promise<Site[]> {
    const resolved: Site[] = [];
    for (const [i, site] of sites.entries()) {
      const place = await this.places.resolve(site, `sites[${i}]`);
      resolved.push(site.name ? { name: site.name, ...place } : place);
    }
    return resolved;
  }

  private async rowOf(m: EntityManager, id: string): Promise<EmployerRow> {
    const [row]: EmployerRow[] = await m.query(`select * from employer where id = $1`, [id]);
    return row;
  }

  private async assertVatFree(m: EntityManager, vat: string, exceptId?: string): Promise<void> {
    const rows: unknown[] = await m.query(`select 1 from employer where vat_number = $1 and ($2::uuid is null or id <> $2)`, [vat, exceptId ?? null]);
    if (rows.length) throw EmployerErrors.vatTaken();
  }

  /** One transaction per write; a concurrent insert of the same VAT number loses on the unique index as a 409. */
  private async writing<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (e) {
      if (isVatTaken(e)) throw EmployerErrors.vatTaken();
      throw e;
    }
  }
}
