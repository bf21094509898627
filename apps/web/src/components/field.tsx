import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { ApiError } from '../api/client';

/** The API's reason for this field, when the last attempt failed on it. */
export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.field(name) : undefined;
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with its hint and the API's error next to it. */
export function Field({ label, value, onChange, error, hint, id, ...rest }: FieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const described = [hint ? `${fieldId}-hint` : '', error ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-group mb-4">
      <label htmlFor={fieldId} className="active">
        {label}
      </label>
      <input
        id={fieldId}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...rest}
      />
      {hint && (
        <small id={`${fieldId}-hint`} className="form-text">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${fieldId}-error`} className="field-error">
          {error}
        </div>
      )}
    </div>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  id?: string;
}

export function SelectField({ label, value, onChange, options, error, id }: SelectProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fieldId}-error` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <div id={`${fieldId}-error`} className="field-error">
          {error}
        </div>
      )}
    </div>
  );
}
