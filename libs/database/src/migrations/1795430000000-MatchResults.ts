import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored match lists (issue: skill-gap matching) and the version each was computed from. */
export class MatchResults1795430000000 implements MigrationInterface {
  name = 'MatchResults1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "worker_match" ("worker_id" uuid NOT NULL, "vacancy_id" uuid NOT NULL, "rank" smallint NOT NULL, "score" numeric(5,4) NOT NULL, "score_numerator" integer NOT NULL, "score_denominator" integer NOT NULL, "distance_km" real NOT NULL, "engine_version" smallint NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_worker_match" PRIMARY KEY ("worker_id", "vacancy_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_worker_match_worker_rank" ON "worker_match" ("worker_id", "rank")`);
    await queryRunner.query(`CREATE INDEX "IDX_worker_match_vacancy" ON "worker_match" ("vacancy_id")`);
    await queryRunner.query(`CREATE TABLE "vacancy_candidate" ("vacancy_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "rank" smallint NOT NULL, "score" numeric(5,4) NOT NULL, "score_numerator" integer NOT NULL, "score_denominator" integer NOT NULL, "distance_km" real NOT NULL, "engine_version" smallint NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_vacancy_candidate" PRIMARY KEY ("vacancy_id", "worker_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_vacancy_candidate_vacancy_rank" ON "vacancy_candidate" ("vacancy_id", "rank")`);
    await queryRunner.query(`CREATE INDEX "IDX_vacancy_candidate_worker" ON "vacancy_candidate" ("worker_id")`);
    await queryRunner.query(`CREATE TABLE "match_state" ("subject_type" character varying(8) NOT NULL, "subject_id" uuid NOT NULL, "computed_version" integer NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_match_state" PRIMARY KEY ("subject_type", "subject_id"))`);
    await queryRunner.query(`ALTER TABLE "worker_match" ADD CONSTRAINT "FK_worker_match_worker" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "worker_match" ADD CONSTRAINT "FK_worker_match_vacancy" FOREIGN KEY ("vacancy_id") REFERENCES "vacancy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancy_candidate" ADD CONSTRAINT "FK_vacancy_candidate_vacancy" FOREIGN KEY ("vacancy_id") REFERENCES "vacancy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancy_candidate" ADD CONSTRAINT "FK_vacancy_candidate_worker" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "match_state"`);
    await queryRunner.query(`DROP TABLE "vacancy_candidate"`);
    await queryRunner.query(`DROP TABLE "worker_match"`);
  }
}
