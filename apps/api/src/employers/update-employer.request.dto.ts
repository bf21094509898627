import { PartialType } from '@nestjs/swagger';
import { CreateEmployerRequestDto } from './create-employer.request.dto';

/** Any field; null is refused except where it clears an optional value (naceCode). */
export class UpdateEmployerRequestDto extends PartialType(CreateEmployerRequestDto, { skipNullProperties: false }) {}
