import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly regional insight snapshots (issue 6): one row per month, one per published cell. */
export class InsightSnapshots1795436000000 implements MigrationInterface {
  name = 'InsightSnapshots1795436000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "insight_snapshot" ("month" date NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, "cells" integer NOT NULL, "suppressed" integer NOT NULL, "threshold" smallint NOT NULL, CONSTRAINT "insight_snapshot_first_day" CHECK (extract(day from "month") = 1), CONSTRAINT "PK_insight_snapshot" PRIMARY KEY ("month"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insight_cell" ("month" date NOT NULL, "area_level" character varying(8) NOT NULL, "area_code" character varying(4) NOT NULL, "region_code" character varying(4) NOT NULL, "figure" character varying(32) NOT NULL, "dim1" character varying(64) NOT NULL DEFAULT '', "dim2" character varying(64) NOT NULL DEFAULT '', "value" double precision NOT NULL, "suppressed" boolean NOT NULL DEFAULT false, CONSTRAINT "insight_cell_area_level" CHECK ("area_level" in ('region', 'province')), CONSTRAINT "PK_insight_cell" PRIMARY KEY ("month", "area_level", "area_code", "figure", "dim1", "dim2"))`,
    );
    // A skill's figures across areas and months (GET /insights/skills/:skillId).
    await queryRunner.query(`CREATE INDEX "IDX_insight_cell_dim1" ON "insight_cell" ("dim1", "month")`);
    // An area's headline figures month by month (trends).
    await queryRunner.query(`CREATE INDEX "IDX_insight_cell_area_trend" ON "insight_cell" ("area_code", "figure", "month")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "insight_cell"`);
    await queryRunner.query(`DROP TABLE "insight_snapshot"`);
  }
}
