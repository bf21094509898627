import { PartialType } from '@nestjs/swagger';
import { CreateVacancyRequestDto } from './create-vacancy.request.dto';

/** Any field; `requirements` replaces the set; null only clears the optional ones (occupationId, location, salaries, expiresAt). */
export class UpdateVacancyRequestDto extends PartialType(CreateVacancyRequestDto, { skipNullProperties: false }) {}
