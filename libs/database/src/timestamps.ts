import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** created/updated columns shared by the records users edit. */
export abstract class Timestamped {
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
