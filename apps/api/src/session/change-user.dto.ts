import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { ROLES } from '@pathway/auth';
import { ID_PATTERN } from '../http/validators';

/** What an admin changes of a local account; a field left out stays as it is. */
export class ChangeUserDto {
  @IsOptional()
  @IsIn(ROLES)
  role?: 'caseworker' | 'evaluator' | 'funder' | 'admin';

  /** Projects the user works in (every role but admin needs at least one). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID_PATTERN, { each: true })
  projects?: string[];

  /** `true`: the account can no longer sign in and its sessions end now; `false`: it can again. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

/** An account in the admins' list. */
export class ListedUserDto {
  /** The pseudonymous subject events and the audit log record. */
  id!: string;
  email!: string;
  displayName!: string;
  /** caseworker, evaluator, funder or admin */
  role!: string;
  projects!: string[];
  /** A local account that can no longer sign in (always false for the provider's users). */
  disabled!: boolean;
  /** The account's version for If-Match (null for the provider's users, which the app cannot change). */
  @ApiProperty({ type: Number, nullable: true })
  version!: number | null;
}

/** The claims of the provider's tokens that name a user's role and projects (OIDC mode). */
export class ClaimMappingDto {
  role!: string;
  projects!: string;
}

/**
 * The users: local accounts (embedded mode, `source: local`, changeable), or in OIDC mode the
 * people with a session, as the provider's ID token named them (`source: provider`, read-only;
 * `claims` says which claims give role and projects).
 */
export class UserListDto {
  @ApiProperty({ enum: ['local', 'provider'] })
  source!: 'local' | 'provider';
  @ApiProperty({ type: ClaimMappingDto, nullable: true })
  claims!: ClaimMappingDto | null;
  @ApiProperty({ type: [ListedUserDto] })
  users!: ListedUserDto[];
}
