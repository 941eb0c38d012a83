import { FieldMessage } from '../participants/form-parts';

/**
 * One labelled text input of the administrators' forms: label, hint, the API's message for it
 * (between label and input, as the other forms show it) and the input, tied together by ids.
 */
export function AdminTextField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete?: string;
  inputMode?: 'numeric' | 'email';
  type?: 'text' | 'email';
  spellCheck?: boolean;
}) {
  const { id } = props;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <FieldMessage id={id} message={props.error} />
      <input
        id={id}
        name={id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        spellCheck={props.spellCheck}
      />
    </div>
  );
}
