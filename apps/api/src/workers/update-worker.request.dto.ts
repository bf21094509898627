import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateWorkerRequestDto } from './create-worker.request.dto';

/** Any field of the profile except skills (PUT /workers/:id/skills replaces those). */
export class UpdateWorkerRequestDto extends PartialType(OmitType(CreateWorkerRequestDto, ['skills'] as const)) {}
