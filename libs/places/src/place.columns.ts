import { Column } from 'typeorm';

/** A resolved location, embedded in workers (home), vacancies, courses. */
export class PlaceColumns {
  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  @Column({ type: 'text', nullable: true })
  municipality: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  province: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  region: string | null;
}
