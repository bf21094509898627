import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call, type Schemas } from '../api/client';
import { session } from '../api/session-store';
import { Field, fieldError } from './field';
import { FormError } from './states';

type Role = Schemas['RegisterRequestDto']['role'];
type Auth = Schemas['AuthResponseDto'];

/** Registration and the sign-in that follows it, with the form's fields; the session starts on success. */
export function useRegistration(role: Role, onSignedIn: (auth: Auth) => void = () => undefined) {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const register = useMutation({
    mutationFn: async () => {
      await call(api.POST('/api/v1/auth/register', { body: { role, displayName, email, password } }));
      return call(api.POST('/api/v1/auth/login', { body: { email, password } }));
    },
    onSuccess: (auth) => {
      session.signedIn(auth);
      onSignedIn(auth);
    },
  });
  return { displayName, setDisplayName, email, setEmail, password, setPassword, register };
}

/** The form's error (a taken email said plainly), any fields of the page's own, then name, email and password with the API's reasons. */
export function AccountFields({ form, nameLabel, children }: { form: ReturnType<typeof useRegistration>; nameLabel: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const error = form.register.error;
  return (
    <>
      {error instanceof ApiError && error.status === 409 ? (
        <div className="alert alert-danger" role="alert">
          {t('auth.emailTaken')}
        </div>
      ) : (
        <FormError error={error} />
      )}
      {children}
      <Field label={nameLabel} autoComplete="name" value={form.displayName} onChange={form.setDisplayName} error={fieldError(error, 'displayName')} required />
      <Field label={t('auth.email')} type="email" autoComplete="email" value={form.email} onChange={form.setEmail} error={fieldError(error, 'email')} required />
      <Field
        label={t('auth.password')}
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={form.setPassword}
        error={fieldError(error, 'password')}
        hint={t('auth.passwordHint')}
        required
      />
    </>
  );
}
