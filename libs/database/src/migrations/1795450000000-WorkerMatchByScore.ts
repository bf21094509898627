import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A worker's stored list loses its rank column: a new vacancy entering a list no longer shifts (and
 * rewrites) every entry below it, so a change writes only the entries that changed. Reads order by
 * the exact score, the distance and the vacancy id, which is the engine's ranking; the distance is
 * kept as the engine computes it (double precision) so that ties order the same way.
 */
export class WorkerMatchByScore1795450000000 implements MigrationInterface {
  name = 'WorkerMatchByScore1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_worker_match_worker_rank"`);
    await queryRunner.query(`ALTER TABLE "worker_match" DROP COLUMN "rank"`);
    await queryRunner.query(`ALTER TABLE "worker_match" ALTER COLUMN "distance_km" TYPE double precision`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "worker_match" ALTER COLUMN "distance_km" TYPE real`);
    await queryRunner.query(`ALTER TABLE "worker_match" ADD "rank" smallint`);
    await queryRunner.query(`UPDATE "worker_match" m SET "rank" = r.rank FROM (
      SELECT worker_id, vacancy_id, row_number() OVER (PARTITION BY worker_id
        ORDER BY score_numerator::numeric / score_denominator DESC, distance_km, vacancy_id) AS rank FROM "worker_match") r
      WHERE r.worker_id = m.worker_id AND r.vacancy_id = m.vacancy_id`);
    await queryRunner.query(`ALTER TABLE "worker_match" ALTER COLUMN "rank" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_worker_match_worker_rank" ON "worker_match" ("worker_id", "rank")`);
  }
}
