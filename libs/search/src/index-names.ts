/** Index uids carry the instance's prefix so that two instances (demo, tests) share one Meilisearch. */
export class IndexNames {
  constructor(readonly prefix: string) {}

  get skills(): string {
    return `${this.prefix}skills`;
  }

  get occupations(): string {
    return `${this.prefix}occupations`;
  }

  get places(): string {
    return `${this.prefix}places`;
  }

  get courses(): string {
    return `${this.prefix}courses`;
  }

  get vacancies(): string {
    return `${this.prefix}vacancies`;
  }

  /** Which settings and document versions each index was built with (see IndexMetaStore). */
  get searchMeta(): string {
    return `${this.prefix}search_meta`;
  }
}
