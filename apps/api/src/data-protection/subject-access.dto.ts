import { IsIn, IsOptional } from 'class-validator';
import { SUBJECT_ACCESS_LANGUAGES, SubjectAccessLanguage } from '@pathway/runtime';

export class SubjectAccessDto {
  /** `json` (the default) or `xlsx` (one sheet per section). */
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format: 'json' | 'xlsx' = 'json';

  /** The language of the titles and explanations: `en` (the default) or `sv`. */
  @IsOptional()
  @IsIn([...SUBJECT_ACCESS_LANGUAGES])
  lang: SubjectAccessLanguage = 'en';
}
