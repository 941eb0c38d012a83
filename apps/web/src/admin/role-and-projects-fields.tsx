import { ProjectSummary } from '../api/client';
import { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/t';
import { FieldMessage } from '../participants/form-parts';

export const ROLES = ['caseworker', 'evaluator', 'funder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role (radio buttons, each with what it may do) and the projects (check boxes) of a user,
 * as adding and changing a local account ask them. `fieldId('role')` and `fieldId('projects')`
 * are the first input of each group, which an error summary's links move to.
 */
export function RoleAndProjectsFields(props: {
  fieldId: (name: string) => string;
  role: Role;
  onRole: (role: Role) => void;
  projects: ProjectSummary[] | 'loading' | 'failed';
  chosen: ReadonlySet<string>;
  onToggle: (projectId: string, on: boolean) => void;
  errors: Record<string, string | undefined>;
}) {
  const t = useT();
  const { fieldId, errors } = props;
  const describedBy = (name: string, hint: boolean) => [hint ? `${fieldId(name)}-hint` : '', errors[name] ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const idOf = (name: string, index: number, value: string) => (index === 0 ? fieldId(name) : `${fieldId(name)}-${value}`);
  return (
    <>
      <fieldset className="field" aria-describedby={describedBy('role', false)}>
        <legend>{t('addUser.role')}</legend>
        <FieldMessage id={fieldId('role')} message={errors.role} />
        {ROLES.map((role, index) => (
          <div className="choice" key={role}>
            <input type="radio" id={idOf('role', index, role)} name="role" value={role} checked={props.role === role} onChange={() => props.onRole(role)} />
            <label htmlFor={idOf('role', index, role)}>
              <strong>{t(`role.${role}` as MessageId)}</strong>
              <br />
              <span className="hint">{t(`addUser.role.${role}.hint` as MessageId)}</span>
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset className="field" aria-describedby={describedBy('projects', true)}>
        <legend>{t('addUser.projects')}</legend>
        <span className="hint" id={`${fieldId('projects')}-hint`}>
          {t(props.role === 'admin' ? 'addUser.projects.hintAdmin' : 'addUser.projects.hint')}
        </span>
        <FieldMessage id={fieldId('projects')} message={errors.projects} />
        {props.projects === 'loading' ? (
          <p role="status">{t('app.loading')}</p>
        ) : props.projects === 'failed' ? (
          <p role="alert">{t('app.error')}</p>
        ) : props.projects.length === 0 ? (
          <p>{t('addUser.projects.none')}</p>
        ) : (
          <ul className="project-choices">
            {props.projects.map((p, index) => (
              <li key={p.projectId} className="choice">
                <input type="checkbox" id={idOf('projects', index, p.projectId)} checked={props.chosen.has(p.projectId)} onChange={(e) => props.onToggle(p.projectId, e.target.checked)} />
                <label htmlFor={idOf('projects', index, p.projectId)}>{`${p.name} (${p.projectId})`}</label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </>
  );
}
