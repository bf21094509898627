export * from './erasure-tally.entity';
export * from './personal-data.service';
export * from './personal-data.types';
export * from './privacy.module';
