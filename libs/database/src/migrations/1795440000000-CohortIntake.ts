import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whole-plant intake (issue 7): cohorts, their members (pre-profiles), invitations and stored reports. */
export class CohortIntake1795440000000 implements MigrationInterface {
  name = 'CohortIntake1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "cohort" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" character varying(200) NOT NULL,
      "employer_id" uuid NOT NULL,
      "reason" character varying(24) NOT NULL,
      "announced_on" date NOT NULL,
      "title_lang" character varying(2) NOT NULL DEFAULT 'it',
      "plant_name" character varying(120),
      "plant_lat" double precision, "plant_lng" double precision, "plant_municipality_code" character varying(6),
      "plant_municipality" text, "plant_province" character varying(2), "plant_region" character varying(4),
      "version" integer NOT NULL DEFAULT 1,
      "processed_version" integer NOT NULL DEFAULT 0,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_cohort" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_cohort_reason" CHECK ("reason" IN ('closure', 'redundancy', 'short_time_work')),
      CONSTRAINT "FK_cohort_employer" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX "IDX_cohort_employer" ON "cohort" ("employer_id")`);
    await queryRunner.query(`CREATE TABLE "cohort_member" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "cohort_id" uuid NOT NULL,
      "employee_ref" character varying(64) NOT NULL,
      "home_lat" double precision NOT NULL, "home_lng" double precision NOT NULL, "home_municipality_code" character varying(6) NOT NULL,
      "home_municipality" text NOT NULL, "home_province" character varying(2), "home_region" character varying(4),
      "job_title" character varying(200),
      "years" numeric(4,1) NOT NULL DEFAULT 0,
      "extra_skill_ids" uuid array NOT NULL DEFAULT '{}',
      "email" character varying(320),
      "status" character varying(16) NOT NULL DEFAULT 'pending',
      "occupation_id" uuid,
      "occupation_source" character varying(16),
      "occupation_confidence" numeric(4,3),
      "suggestions" jsonb NOT NULL DEFAULT '[]',
      "worker_id" uuid,
      "claimed_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_cohort_member" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_cohort_member_ref" UNIQUE ("cohort_id", "employee_ref"),
      CONSTRAINT "CHK_cohort_member_status" CHECK ("status" IN ('pending', 'to_confirm', 'mapped', 'profiled')),
      CONSTRAINT "FK_cohort_member_cohort" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_cohort_member_occupation" FOREIGN KEY ("occupation_id") REFERENCES "occupation"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_cohort_member_worker" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE SET NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_cohort_member_status" ON "cohort_member" ("cohort_id", "status")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cohort_member_worker" ON "cohort_member" ("worker_id")`);
    await queryRunner.query(`CREATE TABLE "cohort_invitation" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "member_id" uuid NOT NULL,
      "email" character varying(320) NOT NULL,
      "token_hash" character varying(64),
      "sent_at" TIMESTAMP WITH TIME ZONE,
      "expires_at" TIMESTAMP WITH TIME ZONE,
      "claimed_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_cohort_invitation" PRIMARY KEY ("id"),
      CONSTRAINT "FK_cohort_invitation_member" FOREIGN KEY ("member_id") REFERENCES "cohort_member"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cohort_invitation_token" ON "cohort_invitation" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_cohort_invitation_member" ON "cohort_invitation" ("member_id")`);
    await queryRunner.query(`CREATE TABLE "cohort_report" (
      "cohort_id" uuid NOT NULL,
      "cohort_version" integer NOT NULL,
      "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "report" jsonb NOT NULL,
      CONSTRAINT "PK_cohort_report" PRIMARY KEY ("cohort_id"),
      CONSTRAINT "FK_cohort_report_cohort" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cohort_report"`);
    await queryRunner.query(`DROP TABLE "cohort_invitation"`);
    await queryRunner.query(`DROP TABLE "cohort_member"`);
    await queryRunner.query(`DROP TABLE "cohort"`);
  }
}
