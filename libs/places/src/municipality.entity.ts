import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An Italian municipality from ISTAT, with its centroid, province and NUTS-2 region. */
@Entity({ name: 'municipality' })
@Index(['nameKey'])
export class Municipality {
  /** ISTAT code, six digits ("001272" is Torino). */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  istatCode: string;

  @Column({ type: 'text' })
  name: string;

  /** Lower-case name without accents, for exact look-ups of what people type. */
  @Column({ type: 'text' })
  nameKey: string;

  @Column({ type: 'varchar', length: 3 })
  provinceCode: string;

  /** Province abbreviation ("TO", "MI"). */
  @Column({ type: 'varchar', length: 2 })
  province: string;

  @Column({ type: 'text' })
  provinceName: string;

  /** NUTS-2 code ("ITC1" Piemonte, "ITC4" Lombardia). */
  @Column({ type: 'varchar', length: 4 })
  region: string;

  @Column({ type: 'text' })
  regionName: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;
}
