import { PartialType } from '@nestjs/swagger';
import { CreateCourseRequestDto } from './create-course.request.dto';

/** Any field; arrays given replace the stored ones; null only clears location and eqfLevel. */
export class UpdateCourseRequestDto extends PartialType(CreateCourseRequestDto, { skipNullProperties: false }) {}
